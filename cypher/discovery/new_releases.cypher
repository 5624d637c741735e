// The newest titles that are already out: by year, then release date where known.
MATCH (m:Media)
WHERE m.year IS NOT NULL AND m.year <= date().year
  AND (m.release_date IS NULL OR date(m.release_date) <= date())  // neomodel stores dates as text
  AND ($max_level IS NULL OR m.cert_level <= $max_level)
  AND ($type IS NULL OR m.type = $type)
  AND ($genre IS NULL OR EXISTS { MATCH (m)-[:IN_GENRE]->(:Genre {name: $genre}) })
RETURN m {.*} AS media
ORDER BY m.year DESC, m.release_date DESC, m.title, m.uid
LIMIT $limit
