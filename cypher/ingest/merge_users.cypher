// Imported people become accounts with one primary profile ($privacy: the MovieLens
// demo users are public so the social features have something to show).
UNWIND $rows AS row
MERGE (u:User {external_key: row.external_key})
  ON CREATE SET u.uid = randomUUID(), u.created_at = datetime(),
                u.display_name = row.display_name
MERGE (u)-[:HAS_PROFILE]->(p:Profile {is_primary: true})
  ON CREATE SET p.uid = randomUUID(), p.created_at = datetime(),
                p.name = row.display_name, p.is_kid = false, p.is_guest = false,
                p.privacy = $privacy, p.timezone = 'UTC'
