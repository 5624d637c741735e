MATCH (u:User {uid: $user})
CREATE (u)-[:HAS_TOKEN]->(t:ApiToken {uid: randomUUID(), name: $name, token_hash: $token_hash,
        prefix: $prefix, scopes: $scopes, profile_uid: $profile, created_at: datetime()})
RETURN t {.*} AS token
