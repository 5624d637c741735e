MATCH (a:Profile)-[:WROTE]->(c:Comment)-[:ON]->(:Review {uid: $review})
RETURN c {.uid, .content, .created_at} AS comment, a {.uid, .name} AS author,
       [(c)-[:MENTIONS]->(t:Profile) | t.uid] AS mentioned
ORDER BY c.created_at, c.uid
LIMIT $limit
