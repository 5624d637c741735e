MATCH (u:User {uid: $user})
CREATE (u)-[:HAS_SESSION]->(s:Session {uid: $session, refresh_hash: $refresh_hash,
        spent_hashes: [], device: $device, ip: $ip, profile_uid: $profile,
        created_at: datetime(), last_used_at: datetime(),
        expires_at: datetime() + duration({days: $ttl_days})})
RETURN s {.*} AS session
