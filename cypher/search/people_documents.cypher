// Search documents for people: the given ids, or (ids null) one page of all people by uid.
MATCH (p:Person)
WHERE ($ids IS NULL OR p.uid IN $ids) AND ($after IS NULL OR p.uid > $after)
WITH p ORDER BY p.uid LIMIT $limit
CALL (p) {
  OPTIONAL MATCH (p)-[c:ACTED_IN|CREW]->(:Media)
  RETURN count(c) AS credits
}
RETURN p {.uid, .name, .profile_path, credits: credits} AS doc
ORDER BY p.uid
