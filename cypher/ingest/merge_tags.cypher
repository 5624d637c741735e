UNWIND $rows AS row
MATCH (:User {external_key: row.user})-[:HAS_PROFILE]->(p:Profile {is_primary: true})
MATCH (m:Media {external_key: row.item})
MERGE (p)-[t:TAGGED {tag: row.tag}]->(m)
  ON CREATE SET t.tagged_at = datetime({epochSeconds: row.ts})
