// External ids already held by other titles: an import must not steal them.
MATCH (m:Media)
WHERE m.tmdb_id IN $tmdb_ids OR m.imdb_id IN $imdb_ids
RETURN m.external_key AS key, m.tmdb_id AS tmdb_id, m.imdb_id AS imdb_id
