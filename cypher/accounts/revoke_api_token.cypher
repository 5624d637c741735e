MATCH (:User {uid: $user})-[:HAS_TOKEN]->(t:ApiToken {uid: $token})
WHERE t.revoked_at IS NULL
SET t.revoked_at = datetime()
RETURN t.uid AS token
