UNWIND $rows AS row
MATCH (p:Profile {uid: row.uid})
MERGE (e:ProfileEmbedding {profile_uid: row.uid})
MERGE (p)-[:EMBEDDED_AS]->(e)
SET e.embedding = row.embedding, e.version = $version, e.published = $published
