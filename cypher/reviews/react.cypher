// Adds or takes back a reaction; helpful_count is kept on the review for sorting.
MATCH (:User {uid: $user})-[:HAS_PROFILE]->(p:Profile {uid: $profile})
MATCH (r:Review {uid: $review})
WHERE NOT (p)-[:WROTE]->(r)  // nobody votes on their own review
SET r.reacted_at = datetime()
WITH p, r
CALL (p, r) {
  WITH p, r WHERE $on
  MERGE (p)-[:REACTED {kind: $kind}]->(r)
}
CALL (p, r) {
  WITH p, r WHERE NOT $on
  OPTIONAL MATCH (p)-[x:REACTED {kind: $kind}]->(r)
  DELETE x
}
WITH r
SET r.helpful_count = COUNT { (r)<-[:REACTED {kind: 'helpful'}]-() }
RETURN r.uid AS review
