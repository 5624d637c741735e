MATCH (:User {uid: $me})-[b:BLOCKS]->(:User {uid: $them})
DELETE b
RETURN count(b) AS removed
