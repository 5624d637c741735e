// The two vector indexes of the published model; gnn.publish drops and recreates them
// when a new version has another dimension.
CREATE VECTOR INDEX media_gnn_embedding IF NOT EXISTS FOR (e:MediaEmbedding) ON (e.embedding)
OPTIONS {indexConfig: {`vector.dimensions`: $dim, `vector.similarity_function`: 'cosine'}};
CREATE VECTOR INDEX media_gnn_mips IF NOT EXISTS FOR (e:MediaEmbedding) ON (e.mips)
OPTIONS {indexConfig: {`vector.dimensions`: $mips_dim, `vector.similarity_function`: 'euclidean'}}
