MATCH (:List {uid: $list})-[c:CONTAINS]->(:Media)
WHERE c.position < $position
RETURN max(c.position) AS previous
