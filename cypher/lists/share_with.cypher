// Adds (or changes the role of) a collaborator: the primary profile of the account
// with that email. Only the list's owner may share it; never across a block (the answer
// is the same as for an address without an account).
MATCH (me:User {uid: $user})-[:HAS_PROFILE]->(:Profile {uid: $profile})-[:OWNS]->(l:List {uid: $list})
WITH me, l
OPTIONAL MATCH (them:User {email: $email})-[:HAS_PROFILE]->(guest:Profile {is_primary: true})
WHERE guest.uid <> $profile AND NOT EXISTS { (me)-[:BLOCKS]-(them) }
FOREACH (_ IN CASE WHEN guest IS NULL THEN [] ELSE [1] END |
  MERGE (guest)-[c:COLLABORATES]->(l)
  SET c.role = $role, c.since = coalesce(c.since, datetime()))
RETURN l.uid AS list
