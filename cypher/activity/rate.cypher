// One rating per profile and title; an update keeps the earlier values as history.
MATCH (:User {uid: $user})-[:HAS_PROFILE]->(p:Profile {uid: $profile})
MATCH (m:Media {uid: $media})
SET p.activity_at = datetime()  // the profile's lock: concurrent writes cannot lose one another
WITH p, m
MERGE (p)-[r:RATED]->(m)
  ON MATCH SET r.history = coalesce(r.history, []) + [r.rating],
               r.history_at = coalesce(r.history_at, []) + [r.rated_at]
SET r.rating = $rating, r.rated_at = datetime()
RETURN r {.rating, .rated_at, .history, .history_at} AS rating
