MATCH (u:User {uid: $user})
MERGE (i:Identity {key: $key})
  ON CREATE SET i.uid = randomUUID(), i.provider = $provider, i.subject = $subject,
                i.email = $email, i.created_at = datetime()
MERGE (u)-[:HAS_IDENTITY]->(i)
