// Takes the list's write lock for the rest of the transaction (edits to one list run
// one after another, so two adds never compute the same position), if the acting
// profile owns the list or collaborates on it as an editor.
MATCH (me:Profile {uid: $profile})<-[:HAS_PROFILE]-(:User {uid: $user})
MATCH (l:List {uid: $list})
WHERE (me)-[:OWNS]->(l) OR (me)-[:COLLABORATES {role: 'editor'}]->(l)
SET l.updated_at = datetime()
RETURN l.uid AS list
