MATCH (:User {uid: $user})-[:AUDIT]->(e:AuditEvent)
WHERE $before IS NULL OR e.at < datetime($before)
RETURN e {.uid, .kind, .ip, .device, .detail, .at} AS event
ORDER BY e.at DESC
LIMIT $limit
