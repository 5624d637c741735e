SHOW VECTOR INDEXES YIELD name, options
WHERE name IN ['media_gnn_embedding', 'media_gnn_mips']
RETURN name, options.indexConfig['vector.dimensions'] AS dimensions
