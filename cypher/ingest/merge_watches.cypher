UNWIND $rows AS row
MATCH (:User {external_key: row.user})-[:HAS_PROFILE]->(p:Profile {is_primary: true})
MATCH (m:Media {external_key: row.item})
MERGE (p)-[w:WATCHED]->(m)
SET w.watch_count = row.count,
    w.first_watched_at = datetime({epochSeconds: row.first_ts}),
    w.last_watched_at = datetime({epochSeconds: row.ts})
