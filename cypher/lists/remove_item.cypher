// Runs inside lock_for_edit's transaction, which checked the right to edit.
MATCH (:List {uid: $list})-[c:CONTAINS]->(:Media {uid: $media})
DELETE c
RETURN count(*) AS removed
