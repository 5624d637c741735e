// Titles for someone who liked $uid: those its fans also loved (co-fans over the square
// root of the other title's fans, so blockbusters do not win everything; at least
// $min_fans co-fans, so no one person's ratings show through), and those sharing its
// director or one of its three leads.
MATCH (x:Media {uid: $uid})
CALL (x) {
  MATCH (x)<-[a:RATED]-(:Profile)-[b:RATED]->(y:Media)
  WHERE a.rating >= $high AND b.rating >= $high AND y <> x
  WITH y, count(*) AS co_fans
  WHERE co_fans >= $min_fans
  WITH y, co_fans, COUNT { (y)<-[r:RATED]-(:Profile) WHERE r.rating >= $high } AS fans
  RETURN y, 'COFANS' AS why, toFloat(co_fans) / sqrt(toFloat(fans)) AS score, null AS via, co_fans AS support
  ORDER BY score DESC LIMIT $limit
  UNION ALL
  MATCH (x)<-[:CREW {job: 'Director'}]-(d:Person)-[:CREW {job: 'Director'}]->(y:Media)
  WHERE y <> x
  RETURN y, 'DIRECTOR' AS why, 1.0 AS score, d.name AS via, 1 AS support LIMIT $limit
  UNION ALL
  MATCH (x)<-[c1:ACTED_IN]-(p:Person)-[c2:ACTED_IN]->(y:Media)
  WHERE y <> x AND coalesce(c1.order, 99) < 3 AND coalesce(c2.order, 99) < 3
  RETURN y, 'CAST' AS why, 0.8 AS score, p.name AS via, 1 AS support LIMIT $limit
}
WITH y, why, score, via, support
WHERE $max_level IS NULL OR y.cert_level <= $max_level
RETURN y.uid AS media, why, score, via, support
