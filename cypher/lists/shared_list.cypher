MATCH (p:Profile)-[:OWNS]->(l:List {share_hash: $share_hash})
RETURN l {.*, item_count: COUNT { MATCH (l)-[:CONTAINS]->(i:Media) WHERE $max_level IS NULL OR i.cert_level <= $max_level }} AS list, p {.uid, .name} AS owner,
       false AS mine, 'viewer' AS role
