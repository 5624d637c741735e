MATCH (:User {uid: $user})-[:HAS_TOKEN]->(t:ApiToken)
WHERE t.revoked_at IS NULL
RETURN t {.uid, .name, .prefix, .scopes, .created_at, .last_used_at} AS token
ORDER BY t.created_at DESC
