// Where a profile stands on a show: episodes watched, total, and the next one to watch
// (the first unwatched in season and episode order).
MATCH (show:Media {uid: $show})-[:HAS_SEASON]->(s:Season)-[:HAS_EPISODE]->(e:Episode)
OPTIONAL MATCH (:Profile {uid: $profile})-[x:PROGRESS]->(e)
WITH show, s, e, coalesce(x.is_watched, false) AS seen
ORDER BY s.season_number, e.episode_number
WITH show, collect({episode: e {.uid, .episode_number, .title}, season: s.season_number, seen: seen}) AS eps
RETURN show.uid AS show, size([x IN eps WHERE x.seen]) AS watched, size(eps) AS total,
       head([x IN eps WHERE NOT x.seen]) AS next
