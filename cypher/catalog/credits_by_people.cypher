UNWIND $ids AS id
MATCH (p:Person {uid: id})-[r:ACTED_IN|CREW]->(m:Media)
WHERE ($max_level IS NULL OR m.cert_level <= $max_level)
WITH id, r, m ORDER BY m.year DESC, m.title
RETURN id, collect({media: m {.*}, role: type(r), character: r.character, job: r.job})[..100] AS credits
