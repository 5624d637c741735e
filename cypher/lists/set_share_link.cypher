// One read-only link per list; a new one replaces the old, null revokes it.
MATCH (:User {uid: $user})-[:HAS_PROFILE]->(:Profile {uid: $profile})-[:OWNS]->(l:List {uid: $list})
SET l.share_hash = $share_hash
RETURN l.uid AS list
