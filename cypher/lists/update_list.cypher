MATCH (:User {uid: $user})-[:HAS_PROFILE]->(:Profile {uid: $profile})-[:OWNS]->(l:List {uid: $list})
WHERE NOT l.is_system OR size(keys($props)) = 0 OR keys($props) = ['visibility']
SET l += $props
RETURN l {.*, item_count: COUNT { (l)-[:CONTAINS]->() }} AS list
