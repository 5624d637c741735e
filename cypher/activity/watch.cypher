// A viewing: rewatches count up; every logged date is kept so an undo takes back the
// latest one; first and last follow the dates whatever order they are logged in.
MATCH (:User {uid: $user})-[:HAS_PROFILE]->(p:Profile {uid: $profile})
MATCH (m:Media {uid: $media})
SET p.activity_at = datetime()  // the profile's lock: concurrent writes cannot lose one another
WITH p, m
MERGE (p)-[w:WATCHED]->(m)
// imports know only a count, the first and the last date: seed the list from them
WITH w, datetime($at) AS at,
     coalesce(w.watched_dates, CASE WHEN w.first_watched_at IS NULL THEN [] WHEN coalesce(w.watch_count, 1) <= 1 THEN [w.first_watched_at] ELSE [w.first_watched_at] + [i IN range(2, w.watch_count) | w.last_watched_at] END) AS dates
SET w.watch_count = coalesce(w.watch_count, 0) + 1,
    w.watched_dates = dates + [at],
    w.first_watched_at = CASE WHEN w.first_watched_at IS NULL OR at < w.first_watched_at
                              THEN at ELSE w.first_watched_at END,
    w.last_watched_at = CASE WHEN w.last_watched_at IS NULL OR at > w.last_watched_at
                             THEN at ELSE w.last_watched_at END
RETURN w {.watch_count, .first_watched_at, .last_watched_at} AS watch
