MATCH (:User {uid: $user})-[:HAS_TOKEN]->(t:ApiToken)
WHERE t.revoked_at IS NULL
SET t.revoked_at = datetime()
RETURN count(t) AS revoked
