// The acting profile's rating and watch record for each title (DataLoader batch).
UNWIND $ids AS id
MATCH (m:Media {uid: id})
OPTIONAL MATCH (:Profile {uid: $profile})-[r:RATED]->(m)
OPTIONAL MATCH (:Profile {uid: $profile})-[w:WATCHED]->(m)
RETURN id, r {.rating, .rated_at, .history, .history_at} AS rating,
       w {.watch_count, .first_watched_at, .last_watched_at} AS watch
