UNWIND $rows AS row
MATCH (a:User {external_key: row.follower})
MATCH (b:User {external_key: row.followee})
MERGE (a)-[f:FOLLOWS]->(b)
  ON CREATE SET f.created_at = datetime()
