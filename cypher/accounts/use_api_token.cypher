// Looks a token up by its hash; last_used_at is written at most once a minute.
MATCH (u:User)-[:HAS_TOKEN]->(t:ApiToken {token_hash: $token_hash})
WHERE t.revoked_at IS NULL
FOREACH (_ IN CASE WHEN t.last_used_at IS NULL
                     OR t.last_used_at < datetime() - duration('PT1M') THEN [1] ELSE [] END |
  SET t.last_used_at = datetime())
RETURN t {.uid, .scopes, .profile_uid} AS token, u.uid AS user
