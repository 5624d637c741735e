MATCH (:User {uid: $user})-[:HAS_PROFILE]->(:Profile {uid: $profile})-[:OWNS]->(l:List {uid: $list})
MATCH (guest:Profile {uid: $guest})-[c:COLLABORATES]->(l)
DELETE c
RETURN count(*) AS removed
