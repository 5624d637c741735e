// How I stand with another account.
MATCH (me:User {uid: $me}), (them:User {uid: $them})
RETURN EXISTS { (me)-[:FOLLOWS]->(them) } AS following,
       EXISTS { (them)-[:FOLLOWS]->(me) } AS followed_by,
       EXISTS { (me)-[:REQUESTED_FOLLOW]->(them) } AS requested,
       EXISTS { (me)-[:BLOCKS]->(them) } AS blocking
