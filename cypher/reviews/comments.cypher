// A review's comments, oldest first, leaving out those of accounts the viewer blocked or
// that blocked the viewer.
MATCH (au:User)-[:HAS_PROFILE]->(a:Profile)-[:WROTE]->(c:Comment)-[:ON]->(:Review {uid: $review})
WHERE $viewer IS NULL OR NOT EXISTS { (:User {uid: $viewer})-[:BLOCKS]-(au) }
RETURN c {.uid, .content, .created_at} AS comment, a {.uid, .name} AS author,
       [(c)-[:MENTIONS]->(t:Profile) | t.uid] AS mentioned
ORDER BY c.created_at, c.uid
LIMIT $limit
