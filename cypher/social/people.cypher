// Explorer details of accounts the viewer may see: main profile, whether a friend, how many
// of the viewer's friends they share, and the rating pairs of titles both profiles rated.
MATCH (me:User {uid: $viewer})-[:HAS_PROFILE]->(mine:Profile {uid: $profile})
UNWIND $uids AS uid
MATCH (u:User {uid: uid})-[:HAS_PROFILE]->(p:Profile {is_primary: true})
WHERE u <> me AND NOT EXISTS { (me)-[:BLOCKS]-(u) }
WITH me, mine, u, p, EXISTS { (me)-[:FOLLOWS]->(u) } AND EXISTS { (u)-[:FOLLOWS]->(me) } AS friend
WHERE p.privacy = 'public' OR (p.privacy = 'friends' AND friend)
RETURN u.uid AS user, p {.uid, .name, .avatar_url} AS profile, friend,
       EXISTS { (me)-[:FOLLOWS]->(u) } AS following,
       COLLECT {
         MATCH (me)-[:FOLLOWS]->(x:User)-[:FOLLOWS]->(me)
         WHERE EXISTS { (x)-[:FOLLOWS]->(u) } AND EXISTS { (u)-[:FOLLOWS]->(x) }
         MATCH (x)-[:HAS_PROFILE]->(xp:Profile {is_primary: true})
         RETURN xp.name ORDER BY xp.name LIMIT 50
       } AS mutual,
       COLLECT {
         MATCH (mine)-[a:RATED]->(:Media)<-[b:RATED]-(p)
         RETURN [a.rating, b.rating] LIMIT 5000
       } AS co_rated
