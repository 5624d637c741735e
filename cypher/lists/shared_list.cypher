MATCH (p:Profile)-[:OWNS]->(l:List {share_hash: $share_hash})
RETURN l {.*, item_count: COUNT { (l)-[:CONTAINS]->() }} AS list, p {.uid, .name} AS owner,
       false AS mine, 'viewer' AS role
