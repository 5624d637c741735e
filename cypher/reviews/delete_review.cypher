MATCH (:User {uid: $user})-[:HAS_PROFILE]->(:Profile {uid: $profile})-[:WROTE]->(r:Review {uid: $review})
OPTIONAL MATCH (c:Comment)-[:ON]->(r)
DETACH DELETE c
WITH DISTINCT r
DETACH DELETE r
RETURN count(*) AS deleted
