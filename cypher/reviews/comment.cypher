// A comment; @names (written without spaces) become MENTIONS of the profiles with that name whose accounts the
// commenter follows (names are not unique, follows keep it to people they know).
MATCH (u:User {uid: $user})-[:HAS_PROFILE]->(p:Profile {uid: $profile})
MATCH (r:Review {uid: $review})
CREATE (p)-[:WROTE]->(c:Comment {uid: randomUUID(), content: $content, created_at: datetime()})-[:ON]->(r)
WITH u, p, c
CALL (u, c) {
  UNWIND $mentions AS name
  MATCH (u)-[:FOLLOWS]->(:User)-[:HAS_PROFILE]->(target:Profile)
  WHERE replace(toLower(target.name), ' ', '') = name
  MERGE (c)-[:MENTIONS]->(target)
  RETURN collect(DISTINCT target.uid) AS mentioned
}
RETURN c {.uid, .content, .created_at} AS comment, p {.uid, .name} AS author, mentioned
