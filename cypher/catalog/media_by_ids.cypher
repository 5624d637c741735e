UNWIND $ids AS id
MATCH (m:Media {uid: id})
// a capped (kid) profile sees only titles certified at or below its level
WHERE ($max_level IS NULL OR m.cert_level <= $max_level)
RETURN m {.*} AS media
