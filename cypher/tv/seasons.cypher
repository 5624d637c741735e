MATCH (:Media {uid: $show})-[:HAS_SEASON]->(s:Season)-[:HAS_EPISODE]->(e:Episode)
OPTIONAL MATCH (:Profile {uid: $profile})-[x:PROGRESS]->(e)
WITH s, e, x ORDER BY s.season_number, e.episode_number
RETURN s {.uid, .season_number} AS season,
       collect(e {.uid, .episode_number, .title, .runtime,
                  watched: coalesce(x.is_watched, false),
                  progress_seconds: coalesce(x.progress_seconds, 0)}) AS episodes
ORDER BY season.season_number
