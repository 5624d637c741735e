// Approve (the requester now follows me) or decline a pending request.
MATCH (u:User {uid: $them})-[r:REQUESTED_FOLLOW]->(me:User {uid: $me})
DELETE r
FOREACH (_ IN CASE WHEN $approve THEN [1] ELSE [] END |
  MERGE (u)-[f:FOLLOWS]->(me) ON CREATE SET f.created_at = datetime())
RETURN count(*) AS answered
