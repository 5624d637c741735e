MATCH (:User {uid: $user})-[:HAS_PROFILE]->(p:Profile)
RETURN p {.*} AS profile
ORDER BY p.is_primary DESC, p.created_at
