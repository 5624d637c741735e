// The first position after $position in a locked list (null at the end).
MATCH (:List {uid: $list})-[c:CONTAINS]->(:Media)
WHERE c.position > $position
RETURN min(c.position) AS next
