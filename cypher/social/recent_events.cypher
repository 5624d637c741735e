// The graph's events since $since (unix seconds), to refill trending after Redis lost it.
CALL () {
  MATCH (:Profile)-[r:RATED]->(m:Media) WHERE r.rated_at.epochSeconds >= $since
  RETURN m, 'RATED' AS kind, r.rated_at.epochSeconds AS at
  UNION ALL
  MATCH (:Profile)-[w:WATCHED]->(m:Media) WHERE w.last_watched_at.epochSeconds >= $since
  RETURN m, 'WATCHED' AS kind, w.last_watched_at.epochSeconds AS at
  UNION ALL
  MATCH (:Profile)-[:WROTE]->(rv:Review)-[:ABOUT]->(m:Media) WHERE rv.created_at.epochSeconds >= $since
  RETURN m, 'REVIEWED' AS kind, rv.created_at.epochSeconds AS at
  UNION ALL
  MATCH (:Profile)-[:OWNS]->(:List)-[c:CONTAINS]->(m:Media) WHERE c.added_at.epochSeconds >= $since
  RETURN m, 'LISTED' AS kind, c.added_at.epochSeconds AS at
}
RETURN m.uid AS media, kind, at, COLLECT { MATCH (m)-[:IN_GENRE]->(g:Genre) RETURN g.name } AS genres
