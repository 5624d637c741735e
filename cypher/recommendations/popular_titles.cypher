// For a profile the model cannot place: the most rated and watched titles.
MATCH (m:Media)
WHERE NOT m.uid IN $exclude
  AND ($max_level IS NULL OR m.cert_level <= $max_level)
  AND ($type IS NULL OR m.type = $type)
  AND ($genres IS NULL OR EXISTS { MATCH (m)-[:IN_GENRE]->(g:Genre) WHERE g.name IN $genres })
WITH m, COUNT { (:Profile)-[:RATED|WATCHED]->(m) } AS viewers
WHERE viewers > 0
RETURN m.uid AS uid, viewers
ORDER BY viewers DESC, m.title
LIMIT $limit
