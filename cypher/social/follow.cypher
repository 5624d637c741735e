// Follow an account: at once when its main profile is public, else as a request it
// approves or declines. Nothing happens across a block, in either direction.
MATCH (me:User {uid: $me}), (them:User {uid: $them})
WHERE me <> them AND NOT EXISTS { (me)-[:BLOCKS]-(them) }
OPTIONAL MATCH (them)-[:HAS_PROFILE]->(main:Profile {is_primary: true})
WITH me, them, coalesce(main.privacy, 'friends') = 'public' AS open,
     EXISTS { (me)-[:FOLLOWS]->(them) } AS already
FOREACH (_ IN CASE WHEN open AND NOT already THEN [1] ELSE [] END |
  MERGE (me)-[f:FOLLOWS]->(them) ON CREATE SET f.created_at = datetime())
FOREACH (_ IN CASE WHEN open OR already THEN [] ELSE [1] END |
  MERGE (me)-[r:REQUESTED_FOLLOW]->(them) ON CREATE SET r.created_at = datetime())
RETURN them.uid AS user, CASE WHEN open OR already THEN 'FOLLOWING' ELSE 'REQUESTED' END AS status
