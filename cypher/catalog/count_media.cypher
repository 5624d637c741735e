MATCH (m:Media)
WHERE ($max_level IS NULL OR m.cert_level <= $max_level)
  AND ($type IS NULL OR m.type = $type)
  AND ($year_from IS NULL OR m.year >= $year_from)
  AND ($year_to IS NULL OR m.year <= $year_to)
  AND ($title_prefix IS NULL OR toLower(m.title) STARTS WITH $title_prefix)
  AND ($genres IS NULL OR EXISTS {
        MATCH (m)-[:IN_GENRE]->(g:Genre) WHERE g.name IN $genres })
RETURN count(m) AS total
