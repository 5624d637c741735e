// Profiles whose live events a viewer may see (the same rule as friend_activity).
MATCH (me:User {uid: $viewer})-[:FOLLOWS]->(u:User)-[:HAS_PROFILE]->(p:Profile)
WHERE ($only_user IS NULL OR u.uid = $only_user)
  AND NOT EXISTS { (me)-[:BLOCKS]-(u) }
  AND (p.privacy = 'public' OR (p.privacy = 'friends' AND EXISTS { (u)-[:FOLLOWS]->(me) }))
RETURN p.uid AS profile, p.name AS name, p.avatar_url AS avatar_url, u.uid AS user
