MATCH (:User {uid: $user})-[:HAS_PROFILE]->(p:Profile {uid: $profile})-[:OWNS]->(l:List)
RETURN l {.*, item_count: COUNT { (l)-[:CONTAINS]->() }} AS list, p {.uid, .name} AS owner, true AS mine
ORDER BY l.is_system DESC, l.sort_order, l.created_at, l.uid
