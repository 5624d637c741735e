// One review per profile and title. Writing reviewed_at first takes the profile's lock,
// so two requests cannot both find no review and write two.
MATCH (:User {uid: $user})-[:HAS_PROFILE]->(p:Profile {uid: $profile})
MATCH (m:Media {uid: $media})
SET p.reviewed_at = datetime()
WITH p, m
WHERE NOT EXISTS { (p)-[:WROTE]->(:Review)-[:ABOUT]->(m) }
CREATE (p)-[:WROTE]->(r:Review {uid: randomUUID(), content: $content,
        contains_spoilers: $spoilers, visibility: $visibility, helpful_count: 0,
        created_at: datetime(), updated_at: datetime()})-[:ABOUT]->(m)
RETURN r {.*} AS review, p {.uid, .name} AS author, m.uid AS media
