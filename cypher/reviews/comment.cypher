// A comment; @names (written without spaces) become MENTIONS of the profiles with that name whose accounts the
// commenter follows (names are not unique, follows keep it to people they know).
MATCH (u:User {uid: $user})-[:HAS_PROFILE]->(p:Profile {uid: $profile})
MATCH (author:User)-[:HAS_PROFILE]->(:Profile)-[:WROTE]->(r:Review {uid: $review})
CREATE (p)-[:WROTE]->(c:Comment {uid: randomUUID(), content: $content, created_at: datetime()})-[:ON]->(r)
WITH u, p, c, r, author
CALL (u, c, r, author) {
  // only people who can read the review, and never a kid profile
  UNWIND $mentions AS name
  MATCH (u)-[:FOLLOWS]->(tu:User)-[:HAS_PROFILE]->(target:Profile)
  WHERE replace(toLower(target.name), ' ', '') = name AND NOT coalesce(target.is_kid, false)
    AND (r.visibility = 'public'
         OR (r.visibility = 'friends' AND (tu = author
             OR (EXISTS { (tu)-[:FOLLOWS]->(author) } AND EXISTS { (author)-[:FOLLOWS]->(tu) }))))
  MERGE (c)-[:MENTIONS]->(target)
  RETURN collect(DISTINCT target.uid) AS mentioned
}
RETURN c {.uid, .content, .created_at} AS comment, p {.uid, .name} AS author, mentioned
