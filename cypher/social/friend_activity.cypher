// What the accounts I follow did, newest first. An actor's profile shows only if it is
// public, or friends-only and we follow each other; never across a block; never a title
// above my cap; list and review entries only where the list or review itself is visible.
MATCH (me:User {uid: $viewer})-[:FOLLOWS]->(u:User)-[:HAS_PROFILE]->(p:Profile)-[:DID]->(a:Activity)
WHERE NOT EXISTS { (me)-[:BLOCKS]-(u) }
  AND (p.privacy = 'public' OR (p.privacy = 'friends' AND EXISTS { (u)-[:FOLLOWS]->(me) }))
  AND ($after_at IS NULL OR a.last_at < datetime($after_at)
       OR (a.last_at = datetime($after_at) AND a.uid > $after_uid))
WITH me, u, p, a, EXISTS { (u)-[:FOLLOWS]->(me) } AS friend
MATCH (m:Media {uid: a.media[0]})
WHERE $max_level IS NULL OR m.cert_level <= $max_level
OPTIONAL MATCH (lo:User)-[:HAS_PROFILE]->(lp:Profile)-[:OWNS]->(l:List {uid: a.list})
OPTIONAL MATCH (r:Review {uid: a.review})
WITH me, u, p, a, m, l, r, friend, lo, lp
// a list the actor edits for someone else: that owner's rules too (lists/visible_list)
WHERE (a.list IS NULL OR lo = u
       OR (lo IS NOT NULL AND NOT EXISTS { (me)-[:BLOCKS]-(lo) } AND coalesce(lp.privacy, 'friends') <> 'private'
           AND (l.visibility = 'public' OR (l.visibility = 'friends' AND EXISTS { (me)-[:FOLLOWS]->(lo) }
                                            AND EXISTS { (lo)-[:FOLLOWS]->(me) }))))
  AND (a.list IS NULL OR l.visibility = 'public' OR (l.visibility = 'friends' AND friend))
  AND (a.review IS NULL OR r.visibility = 'public' OR (r.visibility = 'friends' AND friend))
RETURN a {.uid, .kind, .count, .rating, .first_at, .last_at} AS entry, u.uid AS user,
       p {.uid, .name, .avatar_url} AS actor, m.uid AS media, l {.uid, .name} AS list,
       [x IN a.media WHERE x <> m.uid] AS more_media
ORDER BY a.last_at DESC, a.uid
LIMIT $limit
