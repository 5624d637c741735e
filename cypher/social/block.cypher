// Block an account: every follow and request between us ends, in both directions.
MATCH (me:User {uid: $me}), (them:User {uid: $them})
WHERE me <> them
MERGE (me)-[b:BLOCKS]->(them) ON CREATE SET b.created_at = datetime()
WITH me, them
OPTIONAL MATCH (me)-[f:FOLLOWS|REQUESTED_FOLLOW]-(them)
DELETE f
RETURN count(*) AS done
