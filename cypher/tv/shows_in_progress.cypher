// Shows the profile has started and not finished, each with its counts and the next
// episode to watch (the first unwatched in season and episode order), in one pass.
MATCH (:User {uid: $user})-[:HAS_PROFILE]->(p:Profile {uid: $profile})-[:PROGRESS]->(:Episode)
      <-[:HAS_EPISODE]-(:Season)<-[:HAS_SEASON]-(show:Media)
WHERE ($max_level IS NULL OR show.cert_level <= $max_level)
WITH DISTINCT p, show
MATCH (show)-[:HAS_SEASON]->(s:Season)-[:HAS_EPISODE]->(e:Episode)
OPTIONAL MATCH (p)-[x:PROGRESS]->(e)
WITH show, s, e, coalesce(x.is_watched, false) AS seen
ORDER BY s.season_number, e.episode_number
WITH show, collect({episode: e {.uid, .episode_number, .title}, season: s.season_number, seen: seen}) AS eps
WITH show, size([x IN eps WHERE x.seen]) AS watched, size(eps) AS total,
     head([x IN eps WHERE NOT x.seen]) AS next
WHERE watched < total
RETURN show {.*} AS show, watched, total, next
ORDER BY show.title, show.uid
