// The primary profile stays; a deleted profile takes its lists and activity with it.
MATCH (:User {uid: $user})-[:HAS_PROFILE]->(p:Profile {uid: $profile})
WHERE NOT p.is_primary
OPTIONAL MATCH (p)-[:OWNS]->(l:List)
OPTIONAL MATCH (p)-[:WROTE]->(r:Review)
DETACH DELETE l, r
WITH DISTINCT p
DETACH DELETE p
RETURN count(*) AS deleted
