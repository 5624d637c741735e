// Search documents for titles: the given ids, or (ids null) one page of all titles by uid.
MATCH (m:Media)
WHERE ($ids IS NULL OR m.uid IN $ids) AND ($after IS NULL OR m.uid > $after)
WITH m ORDER BY m.uid LIMIT $limit
CALL (m) {
  OPTIONAL MATCH (m)-[:IN_GENRE]->(g:Genre)
  RETURN collect(DISTINCT g.name) AS genres
}
CALL (m) {
  OPTIONAL MATCH (m)<-[a:ACTED_IN]-(p:Person)
  WITH p, a ORDER BY coalesce(a.order, 9999), p.name
  RETURN collect(p.name)[..10] AS cast
}
CALL (m) {
  OPTIONAL MATCH (m)<-[:CREW {job: 'Director'}]-(p:Person)
  RETURN collect(DISTINCT p.name) AS directors
}
CALL (m) {
  OPTIONAL MATCH (m)<-[r:RATED]-(:Profile)
  RETURN avg(r.rating) AS rating, count(r) AS rating_count
}
CALL (m) {
  OPTIONAL MATCH (m)<-[:RATED|WATCHED]-(p:Profile)
  RETURN count(DISTINCT p) AS popularity
}
RETURN m {.uid, .type, .title, .original_title, .year, .overview, .certification, .cert_level,
          .streaming_availability, .poster_path,
          genres: genres, cast: cast, directors: directors, rating: rating,
          rating_count: rating_count, popularity: popularity} AS doc
ORDER BY m.uid
