UNWIND $rows AS row
MATCH (:User {external_key: row.user})-[:HAS_PROFILE]->(p:Profile {is_primary: true})
MATCH (m:Media {external_key: row.item})
MERGE (p)-[r:RATED]->(m)
SET r.rating = row.rating,
    r.rated_at = datetime({epochSeconds: row.ts})
