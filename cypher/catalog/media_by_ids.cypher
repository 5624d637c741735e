UNWIND $ids AS id
MATCH (m:Media {uid: id})
RETURN m {.*} AS media
