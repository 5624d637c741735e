CALL () {
  MATCH (n) UNWIND labels(n) AS label
  RETURN 'node:' + label AS kind, count(*) AS n
  UNION ALL
  MATCH ()-[r]->()
  RETURN 'rel:' + type(r) AS kind, count(*) AS n
}
RETURN kind, n ORDER BY kind
