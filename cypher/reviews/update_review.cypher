MATCH (:User {uid: $user})-[:HAS_PROFILE]->(p:Profile {uid: $profile})-[:WROTE]->(r:Review {uid: $review})
SET r += $props, r.updated_at = datetime()
WITH p, r
MATCH (r)-[:ABOUT]->(m:Media)
RETURN r {.*} AS review, p {.uid, .name} AS author, m.uid AS media
