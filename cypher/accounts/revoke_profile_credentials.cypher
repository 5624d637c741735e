// A deleted profile takes its signed-in devices and API tokens with it, so nothing keeps
// acting as (or uncapped in place of) a profile that is gone.
MATCH (u:User {uid: $user})
OPTIONAL MATCH (u)-[:HAS_SESSION]->(s:Session {profile_uid: $profile})
WHERE s.revoked_at IS NULL
SET s.revoked_at = datetime(), s.refresh_hash = null
WITH u, collect(s.uid) AS sessions
OPTIONAL MATCH (u)-[:HAS_TOKEN]->(t:ApiToken {profile_uid: $profile})
WHERE t.revoked_at IS NULL
SET t.revoked_at = datetime()
RETURN sessions, count(t) AS tokens
