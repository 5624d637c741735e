// One batch of a version's title embeddings, on nodes of their own so that loading a title
// never drags its vectors along. `embedding` serves similarity (cosine index), `mips` scoring
// against a user (euclidean index; see gnn.publish).
UNWIND $rows AS row
MATCH (m:Media {uid: row.uid})
MERGE (e:MediaEmbedding {media_uid: row.uid})
MERGE (m)-[:EMBEDDED_AS]->(e)
SET e.embedding = row.embedding, e.mips = row.mips, e.version = $version, e.published = $published
