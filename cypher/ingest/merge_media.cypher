// One row per title, keyed by external_key ("<source>:<id>"); re-runs update in place.
UNWIND $rows AS row
MERGE (m:Media {external_key: row.external_key})
  ON CREATE SET m.uid = randomUUID(), m.created_at = datetime()
SET m.type = row.type,
    m.title = row.title,
    m.original_title = row.original_title,
    m.year = row.year,
    m.overview = coalesce(row.overview, m.overview),
    m.movielens_id = row.movielens_id,
    m.tmdb_id = row.tmdb_id,
    m.imdb_id = row.imdb_id,
    // a certified title keeps the level its certification gave it
    m.cert_level = CASE WHEN m.certification IS NULL THEN row.genre_level ELSE m.cert_level END
WITH m, row
CALL (m, row) {
  OPTIONAL MATCH (m)-[old:IN_GENRE]->(g:Genre)
  WHERE NOT g.name IN row.genres
  DELETE old
}
CALL (m, row) {
  UNWIND row.genres AS name
  MATCH (g:Genre {name: name})
  MERGE (m)-[:IN_GENRE]->(g)
}
