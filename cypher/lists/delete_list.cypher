MATCH (:User {uid: $user})-[:HAS_PROFILE]->(:Profile {uid: $profile})-[:OWNS]->(l:List {uid: $list})
WHERE NOT l.is_system
DETACH DELETE l
RETURN count(*) AS deleted
