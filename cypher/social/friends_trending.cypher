// What my friends (mutual follows, visible profiles) watched, rated, reviewed and listed
// in the period, each event weighted and decayed by age. Only public lists and reviews
// or friends-only ones count; never a title above my cap.
MATCH (me:User {uid: $viewer})-[:FOLLOWS]->(u:User)-[:FOLLOWS]->(me)
MATCH (u)-[:HAS_PROFILE]->(p:Profile)
WHERE p.privacy IN ['public', 'friends'] AND NOT EXISTS { (me)-[:BLOCKS]-(u) }
CALL (p) {
  MATCH (p)-[r:RATED]->(m:Media) WHERE r.rated_at.epochSeconds >= $since
  RETURN m, 'rated' AS kind, r.rated_at.epochSeconds AS at
  UNION ALL
  MATCH (p)-[w:WATCHED]->(m:Media) WHERE w.last_watched_at.epochSeconds >= $since
  RETURN m, 'watched' AS kind, w.last_watched_at.epochSeconds AS at
  UNION ALL
  MATCH (p)-[:WROTE]->(rv:Review)-[:ABOUT]->(m:Media)
  WHERE rv.created_at.epochSeconds >= $since AND rv.visibility IN ['public', 'friends']
  RETURN m, 'reviewed' AS kind, rv.created_at.epochSeconds AS at
  UNION ALL
  MATCH (p)-[:OWNS]->(l:List)-[c:CONTAINS]->(m:Media)
  WHERE c.added_at.epochSeconds >= $since AND l.visibility IN ['public', 'friends']
  RETURN m, 'listed' AS kind, c.added_at.epochSeconds AS at
}
WITH m, kind, at
WHERE $max_level IS NULL OR m.cert_level <= $max_level
WITH m, sum($weights[kind] * 0.5 ^ (($now - at) / $half_life)) AS score
RETURN m.uid AS media, score
ORDER BY score DESC, m.uid
LIMIT $limit
