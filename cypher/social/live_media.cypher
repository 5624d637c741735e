MATCH (m:Media {uid: $uid})
RETURN m.uid AS uid, m.title AS title, m.cert_level AS level
