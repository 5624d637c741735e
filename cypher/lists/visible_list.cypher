// A list the viewer may see (the README's "Who reads what"): never across a block; the
// owning profile's own, one it collaborates on, or, unless the owner's profile is private,
// a public one, or a friends-only one whose owner and viewer follow each other. Sibling
// profiles of one account see each other's public lists only.
MATCH (owner:User)-[:HAS_PROFILE]->(p:Profile)-[:OWNS]->(l:List {uid: $list})
WHERE $viewer IS NULL OR NOT EXISTS { (:User {uid: $viewer})-[:BLOCKS]-(owner) }
OPTIONAL MATCH (:Profile {uid: $profile})-[collab:COLLABORATES]->(l)
WITH owner, p, l, collab
WHERE p.uid = $profile
   OR collab IS NOT NULL
   OR (coalesce(p.privacy, 'friends') <> 'private'
       AND (l.visibility = 'public'
            OR (l.visibility = 'friends' AND $viewer IS NOT NULL AND owner.uid <> $viewer
                AND EXISTS { (:User {uid: $viewer})-[:FOLLOWS]->(owner) }
                AND EXISTS { (owner)-[:FOLLOWS]->(:User {uid: $viewer}) })))
RETURN l {.*, item_count: COUNT { MATCH (l)-[:CONTAINS]->(i:Media) WHERE $max_level IS NULL OR i.cert_level <= $max_level }} AS list, p {.uid, .name} AS owner,
       p.uid = $profile AS mine, collab.role AS role
