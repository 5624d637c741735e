// The profile's library: every title it watched or owns, filtered by any metadata,
// ordered by (title, uid) and resumed after the cursor's pair.
MATCH (:User {uid: $user})-[:HAS_PROFILE]->(p:Profile {uid: $profile})
CALL (p) {
  MATCH (p)-[:WATCHED]->(m:Media) RETURN m
  UNION
  MATCH (p)-[:OWNS_COPY]->(m:Media) RETURN m
}
WITH p, m
WHERE ($max_level IS NULL OR m.cert_level <= $max_level)
  AND ($type IS NULL OR m.type = $type)
  AND ($year_from IS NULL OR m.year >= $year_from)
  AND ($year_to IS NULL OR m.year <= $year_to)
  AND ($title_prefix IS NULL OR toLower(m.title) STARTS WITH $title_prefix)
  AND ($after_title IS NULL OR m.title > $after_title
       OR (m.title = $after_title AND m.uid > $after_uid))
  AND ($genres IS NULL OR EXISTS { MATCH (m)-[:IN_GENRE]->(g:Genre) WHERE g.name IN $genres })
OPTIONAL MATCH (p)-[w:WATCHED]->(m)
OPTIONAL MATCH (p)-[r:RATED]->(m)
WITH m, w, r, [(p)-[o:OWNS_COPY]->(m) | o.format] AS formats
WHERE ($min_rating IS NULL OR r.rating >= $min_rating)
  AND ($format IS NULL OR $format IN formats)
  AND ($watched IS NULL OR (w IS NOT NULL) = $watched)
  AND ($owned IS NULL OR (size(formats) > 0) = $owned)
RETURN m {.*} AS media, r.rating AS rating, w.watch_count AS watch_count, formats
ORDER BY m.title, m.uid
LIMIT $limit
