MATCH (u:User {email: $email})
OPTIONAL MATCH (u)-[:HAS_PROFILE]->(p:Profile {is_primary: true})
RETURN u {.*} AS user, p.uid AS profile
