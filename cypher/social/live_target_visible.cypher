// A list or review named by a live event: visible to this viewer by its own setting?
OPTIONAL MATCH (lo:User)-[:HAS_PROFILE]->(:Profile)-[:OWNS]->(l:List {uid: $list})
OPTIONAL MATCH (ro:User)-[:HAS_PROFILE]->(:Profile)-[:WROTE]->(r:Review {uid: $review})
WITH coalesce(l, r) AS t, coalesce(lo, ro) AS owner
RETURN t IS NOT NULL AND (t.visibility = 'public'
       OR (t.visibility = 'friends' AND EXISTS { (:User {uid: $viewer})-[:FOLLOWS]->(owner) }
           AND EXISTS { (owner)-[:FOLLOWS]->(:User {uid: $viewer}) })) AS visible
