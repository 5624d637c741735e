// Nearest titles by cosine of their LightGCN embeddings, with the genres they share.
MATCH (m:Media {uid: $uid})-[:EMBEDDED_AS]->(e:MediaEmbedding)
CALL db.index.vector.queryNodes('media_gnn_embedding', $k, e.embedding) YIELD node, score
MATCH (s:Media)-[:EMBEDDED_AS]->(node)
WHERE s <> m AND ($max_level IS NULL OR s.cert_level <= $max_level)
RETURN s.uid AS uid, score,
       COLLECT { MATCH (m)-[:IN_GENRE]->(g:Genre)<-[:IN_GENRE]-(s) RETURN g.name ORDER BY g.name } AS genres
ORDER BY score DESC
LIMIT $limit
