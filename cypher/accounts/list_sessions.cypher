MATCH (:User {uid: $user})-[:HAS_SESSION]->(s:Session)
WHERE s.revoked_at IS NULL AND s.expires_at > datetime()
RETURN s {.*} AS session
ORDER BY s.last_used_at DESC
