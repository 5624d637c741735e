MATCH (:User {uid: $user})-[:HAS_PROFILE]->(:Profile {uid: $profile})-[:OWNS]->(:List {uid: $list})
      -[c:CONTAINS]->(:Media {uid: $media})
SET c.note = $note
RETURN c {.position, .note, .added_at} AS item
