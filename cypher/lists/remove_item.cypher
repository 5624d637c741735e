MATCH (me:Profile {uid: $profile})<-[:HAS_PROFILE]-(:User {uid: $user})
MATCH (l:List {uid: $list})-[c:CONTAINS]->(:Media {uid: $media})
WHERE (me)-[:OWNS]->(l) OR (me)-[:COLLABORATES {role: 'editor'}]->(l)
DELETE c
RETURN count(*) AS removed
