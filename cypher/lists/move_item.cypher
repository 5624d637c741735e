MATCH (:List {uid: $list})-[c:CONTAINS]->(:Media {uid: $media})
SET c.position = $position
RETURN c {.position, .note, .added_at} AS item
