// Every profile–title edge that can make a training positive, streamed in one pass.
// gnn.export turns them into weighted pairs (a low rating vetoes its pair).
MATCH (p:Profile)-[r:RATED|WATCHED]->(m:Media)
RETURN p.uid AS profile, m.uid AS media, type(r) AS kind, r.rating AS rating,
       coalesce(r.rated_at, r.last_watched_at).epochSeconds AS at
UNION ALL
MATCH (p:Profile)-[:OWNS]->(:List)-[c:CONTAINS]->(m:Media)
RETURN p.uid AS profile, m.uid AS media, 'LISTED' AS kind, null AS rating,
       c.added_at.epochSeconds AS at
