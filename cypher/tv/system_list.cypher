MATCH (:Profile {uid: $profile})-[:OWNS]->(l:List {is_system: true, name: $name})
RETURN l.uid AS list
