// Takes the list's write lock for the rest of the transaction (edits to one list run
// one after another, so two adds never compute the same position), if the acting
// profile owns it.
MATCH (:User {uid: $user})-[:HAS_PROFILE]->(:Profile {uid: $profile})-[:OWNS]->(l:List {uid: $list})
SET l.updated_at = datetime()
RETURN l.uid AS list
