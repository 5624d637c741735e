// Undo the latest logged viewing; the relationship goes when no viewing is left.
MATCH (:User {uid: $user})-[:HAS_PROFILE]->(p:Profile {uid: $profile})-[w:WATCHED]->(:Media {uid: $media})
SET p.activity_at = datetime()
WITH w, coalesce(w.watched_dates, CASE WHEN w.first_watched_at IS NULL THEN [] WHEN coalesce(w.watch_count, 1) <= 1 THEN [w.first_watched_at] ELSE [w.first_watched_at] + [i IN range(2, w.watch_count) | w.last_watched_at] END) AS dates
WITH w, dates[..-1] AS left, w.watch_count - 1 AS remaining
SET w.watch_count = remaining,
    w.watched_dates = left,
    w.first_watched_at = CASE WHEN size(left) > 0
        THEN reduce(lo = left[0], d IN left | CASE WHEN d < lo THEN d ELSE lo END)
        ELSE w.first_watched_at END,
    w.last_watched_at = CASE WHEN size(left) > 0
        THEN reduce(hi = left[0], d IN left | CASE WHEN d > hi THEN d ELSE hi END)
        ELSE w.last_watched_at END
WITH w, remaining, w {.watch_count, .first_watched_at, .last_watched_at} AS watch
CALL (w, remaining) {
  WITH w WHERE remaining <= 0
  DELETE w
}
RETURN CASE WHEN remaining > 0 THEN watch END AS watch
