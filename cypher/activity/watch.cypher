// A viewing: rewatches count up; every logged date is kept so an undo takes back the
// latest one; first and last follow the dates whatever order they are logged in.
MATCH (:User {uid: $user})-[:HAS_PROFILE]->(p:Profile {uid: $profile})
MATCH (m:Media {uid: $media})
MERGE (p)-[w:WATCHED]->(m)
WITH w, datetime($at) AS at
SET w.watch_count = coalesce(w.watch_count, 0) + 1,
    w.watched_dates = coalesce(w.watched_dates, []) + [at],
    w.first_watched_at = CASE WHEN w.first_watched_at IS NULL OR at < w.first_watched_at
                              THEN at ELSE w.first_watched_at END,
    w.last_watched_at = CASE WHEN w.last_watched_at IS NULL OR at > w.last_watched_at
                             THEN at ELSE w.last_watched_at END
RETURN w {.watch_count, .first_watched_at, .last_watched_at} AS watch
