MATCH (l:List {uid: $list}), (m:Media {uid: $media})
MERGE (l)-[c:CONTAINS]->(m)
  ON CREATE SET c.position = $position, c.added_at = datetime(), c.note = $note, c.new = true
WITH c, coalesce(c.new, false) AS created
REMOVE c.new
RETURN c {.position, .note, .added_at} AS item, created
