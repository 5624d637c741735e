// The period's highlights: titles rated in [since, until), at least $min_ratings times,
// the best $per_genre of each genre by their average in the period, then by count.
// Aggregates only: whose ratings they are is never shown, so privacy does not apply.
MATCH (:Profile)-[r:RATED]->(m:Media)
WHERE r.rated_at >= $since AND r.rated_at < $until
  AND ($max_level IS NULL OR m.cert_level <= $max_level)
WITH m, avg(r.rating) AS average, count(r) AS ratings
WHERE ratings >= $min_ratings
MATCH (m)-[:IN_GENRE]->(g:Genre)
WITH g, m, average, ratings
ORDER BY average DESC, ratings DESC, m.title
WITH g, collect({media: m {.*}, average: average, ratings: ratings})[..$per_genre] AS top
RETURN g {.uid, .name} AS genre, top
ORDER BY g.name
