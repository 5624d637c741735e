MATCH (u:User)-[:HAS_SESSION]->(s:Session {uid: $session})
RETURN s {.*} AS session, u.uid AS user
