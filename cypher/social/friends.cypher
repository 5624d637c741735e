// Friends are mutual follows (a block ends the follows, so none is blocked).
MATCH (me:User {uid: $me})-[:FOLLOWS]->(u:User)-[:FOLLOWS]->(me)
MATCH (u)-[:HAS_PROFILE]->(p:Profile {is_primary: true})
RETURN u.uid AS user, p {.uid, .name, .avatar_url, .privacy} AS profile
ORDER BY p.name, u.uid
LIMIT $limit
