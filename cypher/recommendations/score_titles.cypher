// The k titles with the largest inner product with the profile's vector (the euclidean index
// over the MIPS vectors, see gnn.publish), then the request's filters.
CALL db.index.vector.queryNodes('media_gnn_mips', $k, $query) YIELD node, score
MATCH (m:Media)-[:EMBEDDED_AS]->(node)
WHERE NOT m.uid IN $exclude
  AND ($max_level IS NULL OR m.cert_level <= $max_level)
  AND ($type IS NULL OR m.type = $type)
  AND ($genres IS NULL OR EXISTS { MATCH (m)-[:IN_GENRE]->(g:Genre) WHERE g.name IN $genres })
RETURN m.uid AS uid, score, node.embedding AS embedding
ORDER BY score DESC
LIMIT $limit
