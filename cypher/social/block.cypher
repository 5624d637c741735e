// Block an account: every follow, request and list collaboration between us ends, in
// both directions.
MATCH (me:User {uid: $me}), (them:User {uid: $them})
WHERE me <> them
MERGE (me)-[b:BLOCKS]->(them) ON CREATE SET b.created_at = datetime()
WITH me, them
CALL (me, them) {
  OPTIONAL MATCH (me)-[f:FOLLOWS|REQUESTED_FOLLOW]-(them)
  DELETE f
}
CALL (me, them) {
  OPTIONAL MATCH (me)-[:HAS_PROFILE]->(:Profile)-[c:COLLABORATES]->(:List)<-[:OWNS]-(:Profile)<-[:HAS_PROFILE]-(them)
  DELETE c
}
CALL (me, them) {
  OPTIONAL MATCH (them)-[:HAS_PROFILE]->(:Profile)-[c:COLLABORATES]->(:List)<-[:OWNS]-(:Profile)<-[:HAS_PROFILE]-(me)
  DELETE c
}
RETURN 1 AS done
