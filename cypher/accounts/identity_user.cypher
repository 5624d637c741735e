MATCH (u:User)-[:HAS_IDENTITY]->(:Identity {key: $key})
OPTIONAL MATCH (u)-[:HAS_PROFILE]->(p:Profile {is_primary: true})
RETURN u {.*} AS user, p.uid AS profile
