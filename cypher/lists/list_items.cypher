// One page of a list, in position order, titles above the viewer's cap left out.
MATCH (l:List {uid: $list})-[c:CONTAINS]->(m:Media)
WHERE ($max_level IS NULL OR m.cert_level <= $max_level)
  AND ($after IS NULL OR c.position > $after)
RETURN c {.position, .note, .added_at} AS item, m {.*} AS media
ORDER BY c.position
LIMIT $limit
