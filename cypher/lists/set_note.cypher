// Runs inside lock_for_edit's transaction, which checked the right to edit.
MATCH (:List {uid: $list})-[c:CONTAINS]->(:Media {uid: $media})
SET c.note = $note
RETURN c {.position, .note, .added_at} AS item
