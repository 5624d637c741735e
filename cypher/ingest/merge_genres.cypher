UNWIND $rows AS name
MERGE (g:Genre {name: name})
  ON CREATE SET g.uid = randomUUID()
