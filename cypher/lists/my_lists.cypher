MATCH (:User {uid: $user})-[:HAS_PROFILE]->(p:Profile {uid: $profile})-[:OWNS]->(l:List)
RETURN l {.*, item_count: COUNT { MATCH (l)-[:CONTAINS]->(i:Media) WHERE $max_level IS NULL OR i.cert_level <= $max_level }} AS list, p {.uid, .name} AS owner, true AS mine
ORDER BY l.is_system DESC, l.sort_order, l.created_at, l.uid
