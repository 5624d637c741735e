// The last position, and the positions of the given titles, in a locked list.
MATCH (l:List {uid: $list})
OPTIONAL MATCH (l)-[c:CONTAINS]->(m:Media)
WITH l, max(c.position) AS last,
     collect(CASE WHEN m.uid IN $media THEN [m.uid, c.position] END) AS found
RETURN last, found
