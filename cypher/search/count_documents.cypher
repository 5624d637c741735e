// How many search documents Neo4j holds: titles and people.
CALL () { MATCH (m:Media) RETURN count(m) AS media }
CALL () { MATCH (p:Person) RETURN count(p) AS people }
RETURN media + people AS total
