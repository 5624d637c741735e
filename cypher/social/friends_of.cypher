// The friends (mutual follows) of each account in $uids, at most $fanout each, so that a
// celebrity account cannot make an explorer query explode. Only friends whose main profile
// the viewer may see (public, or a friend of the viewer) and never across a block.
UNWIND $uids AS uid
MATCH (a:User {uid: uid})
MATCH (me:User {uid: $viewer})
CALL (a, me) {
  MATCH (a)-[:FOLLOWS]->(b:User)-[:FOLLOWS]->(a)
  WHERE b <> me AND NOT EXISTS { (me)-[:BLOCKS]-(b) }
  MATCH (b)-[:HAS_PROFILE]->(p:Profile {is_primary: true})
  WHERE p.privacy = 'public'
     OR (p.privacy = 'friends' AND EXISTS { (me)-[:FOLLOWS]->(b) } AND EXISTS { (b)-[:FOLLOWS]->(me) })
  RETURN b ORDER BY b.uid LIMIT $fanout
}
RETURN uid AS source, b.uid AS friend
