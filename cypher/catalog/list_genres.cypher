MATCH (g:Genre)
RETURN g {.uid, .name, media_count: COUNT {
  MATCH (g)<-[:IN_GENRE]-(m:Media) WHERE ($max_level IS NULL OR m.cert_level <= $max_level) }} AS genre
ORDER BY g.name
