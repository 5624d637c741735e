MATCH (:User {uid: $user})-[:HAS_PROFILE]->(:Profile {uid: $profile})-[:OWNS]->(:List {uid: $list})
      -[c:CONTAINS]->(:Media {uid: $media})
DELETE c
RETURN count(*) AS removed
