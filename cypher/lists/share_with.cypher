// Adds (or changes the role of) a collaborator: the primary profile of the account
// with that email. Only the list's owner may share it.
MATCH (:User {uid: $user})-[:HAS_PROFILE]->(:Profile {uid: $profile})-[:OWNS]->(l:List {uid: $list})
WITH l
OPTIONAL MATCH (:User {email: $email})-[:HAS_PROFILE]->(guest:Profile {is_primary: true})
WHERE guest.uid <> $profile
FOREACH (_ IN CASE WHEN guest IS NULL THEN [] ELSE [1] END |
  MERGE (guest)-[c:COLLABORATES]->(l)
  SET c.role = $role, c.since = coalesce(c.since, datetime()))
RETURN l.uid AS list
