UNWIND $ids AS id
MATCH (m:Media {uid: id})-[:IN_GENRE]->(g:Genre)
WITH id, g ORDER BY g.name
RETURN id, collect(g {.uid, .name}) AS genres
