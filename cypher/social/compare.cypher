// Two tastes side by side: my acting profile and another account's main profile, which
// must be visible to me (public, or friends-only between mutual follows; never blocked).
MATCH (me:User {uid: $viewer})-[:HAS_PROFILE]->(mine:Profile {uid: $profile})
MATCH (them:User {uid: $them})-[:HAS_PROFILE]->(theirs:Profile {is_primary: true})
WHERE me <> them AND NOT EXISTS { (me)-[:BLOCKS]-(them) }
  AND (theirs.privacy = 'public' OR (theirs.privacy = 'friends'
       AND EXISTS { (me)-[:FOLLOWS]->(them) } AND EXISTS { (them)-[:FOLLOWS]->(me) }))
RETURN theirs {.uid, .name, .avatar_url} AS other,
  COLLECT {
    MATCH (mine)-[a:RATED]->(m:Media)<-[b:RATED]-(theirs)
    WHERE $max_level IS NULL OR m.cert_level <= $max_level
    RETURN {media: m.uid, mine: a.rating, theirs: b.rating}
  } AS co_rated,
  COUNT {
    MATCH (mine)-[:WATCHED|RATED]->(m:Media)<-[:WATCHED|RATED]-(theirs)
    WHERE $max_level IS NULL OR m.cert_level <= $max_level
    RETURN DISTINCT m
  } AS both_watched,
  COLLECT {
    MATCH (theirs)-[r:RATED]->(m:Media)
    WHERE r.rating >= $loved AND ($max_level IS NULL OR m.cert_level <= $max_level)
      AND NOT EXISTS { (mine)-[:WATCHED|RATED]->(m) }
    RETURN m.uid ORDER BY r.rating DESC, r.rated_at DESC LIMIT $limit
  } AS loved_unseen,
  COLLECT {
    MATCH (mine)-[:OWNS]->(:List)-[:CONTAINS]->(m:Media)<-[:CONTAINS]-(l:List)<-[:OWNS]-(theirs)
    WHERE (l.visibility = 'public' OR (l.visibility = 'friends' AND theirs.privacy <> 'private'
           AND EXISTS { (me)-[:FOLLOWS]->(them) } AND EXISTS { (them)-[:FOLLOWS]->(me) }))
      AND ($max_level IS NULL OR m.cert_level <= $max_level)
    RETURN DISTINCT m.uid LIMIT $limit
  } AS shared_listed,
  COLLECT {
    // liked: rated 7+, or watched and not rated lower; each title once per profile
    MATCH (p:Profile)-[r:RATED|WATCHED]->(m:Media)-[:IN_GENRE]->(g:Genre)
    WHERE p IN [mine, theirs] AND (r.rating IS NULL OR r.rating >= $liked)
      AND ($max_level IS NULL OR m.cert_level <= $max_level)
      AND NOT (r:WATCHED AND EXISTS { (p)-[x:RATED]->(m) WHERE x.rating < $liked })
    WITH g, p, count(DISTINCT m) AS n
    WITH g, sum(CASE WHEN p = mine THEN n ELSE 0 END) AS a, sum(CASE WHEN p = theirs THEN n ELSE 0 END) AS b
    RETURN {genre: g.name, mine: a, theirs: b} ORDER BY a + b DESC LIMIT 12
  } AS genres
