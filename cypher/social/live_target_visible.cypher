// A list or review named by a live event: may this viewer read it (the same rule as
// lists/visible_list and reviews/visible_reviews)?
OPTIONAL MATCH (lo:User)-[:HAS_PROFILE]->(lp:Profile)-[:OWNS]->(l:List {uid: $list})
OPTIONAL MATCH (ro:User)-[:HAS_PROFILE]->(rp:Profile)-[:WROTE]->(r:Review {uid: $review})
WITH coalesce(l, r) AS t, coalesce(lo, ro) AS owner, coalesce(lp, rp) AS p
RETURN t IS NOT NULL AND coalesce(p.privacy, 'friends') <> 'private'
       AND NOT EXISTS { (:User {uid: $viewer})-[:BLOCKS]-(owner) }
       AND (t.visibility = 'public'
            OR (t.visibility = 'friends' AND EXISTS { (:User {uid: $viewer})-[:FOLLOWS]->(owner) }
                AND EXISTS { (owner)-[:FOLLOWS]->(:User {uid: $viewer}) })) AS visible
