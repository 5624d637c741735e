MATCH (g:Genre)
RETURN g {.uid, .name, media_count: COUNT { (g)<-[:IN_GENRE]-(:Media) }} AS genre
ORDER BY g.name
