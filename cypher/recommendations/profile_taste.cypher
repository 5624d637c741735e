// What the model knows of a profile: its embedding in the current version (if it was in the
// training data) and the titles it rated, watched or listed, newest first, with their embeddings.
MATCH (p:Profile {uid: $profile})
OPTIONAL MATCH (p)-[:EMBEDDED_AS]->(pe:ProfileEmbedding {version: $version})
RETURN pe.embedding AS embedding,
  COLLECT {
    MATCH (p)-[r:RATED|WATCHED]->(m:Media)
    OPTIONAL MATCH (m)-[:EMBEDDED_AS]->(e:MediaEmbedding {version: $version})
    WITH m, r, e ORDER BY coalesce(r.rated_at, r.last_watched_at) DESC
    RETURN {uid: m.uid, title: m.title, kind: type(r), rating: r.rating, embedding: e.embedding}
  } + COLLECT {
    MATCH (p)-[:OWNS]->(:List)-[c:CONTAINS]->(m:Media)
    OPTIONAL MATCH (m)-[:EMBEDDED_AS]->(e:MediaEmbedding {version: $version})
    WITH m, c, e ORDER BY c.added_at DESC
    RETURN {uid: m.uid, title: m.title, kind: 'LISTED', rating: null, embedding: e.embedding}
  } AS seen
