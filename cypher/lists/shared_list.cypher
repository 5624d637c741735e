// A list opened by its share link: whoever holds the link reads it, except across a block.
MATCH (owner:User)-[:HAS_PROFILE]->(p:Profile)-[:OWNS]->(l:List {share_hash: $share_hash})
WHERE $viewer IS NULL OR NOT EXISTS { (:User {uid: $viewer})-[:BLOCKS]-(owner) }
RETURN l {.*, item_count: COUNT { MATCH (l)-[:CONTAINS]->(i:Media) WHERE $max_level IS NULL OR i.cert_level <= $max_level }} AS list, p {.uid, .name} AS owner,
       false AS mine, 'viewer' AS role
