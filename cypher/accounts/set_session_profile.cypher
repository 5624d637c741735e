MATCH (:User {uid: $user})-[:HAS_SESSION]->(s:Session {uid: $session})
WHERE s.revoked_at IS NULL
SET s.profile_uid = $profile
RETURN s.uid AS session
