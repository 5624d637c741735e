// Revokes the user's live sessions: one ($session set) or all of them ($session null).
MATCH (:User {uid: $user})-[:HAS_SESSION]->(s:Session)
WHERE s.revoked_at IS NULL AND ($session IS NULL OR s.uid = $session)
SET s.revoked_at = datetime(), s.refresh_hash = null
RETURN collect(s.uid) AS revoked
