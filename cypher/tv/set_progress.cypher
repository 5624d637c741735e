// Progress on one episode of a show; returns the show so its lists can follow.
MATCH (:User {uid: $user})-[:HAS_PROFILE]->(p:Profile {uid: $profile})
MATCH (show:Media)-[:HAS_SEASON]->(:Season)-[:HAS_EPISODE]->(e:Episode {uid: $episode})
WHERE $max_level IS NULL OR show.cert_level <= $max_level
MERGE (p)-[x:PROGRESS]->(e)
SET x.progress_seconds = coalesce($seconds, x.progress_seconds, 0),
    x.is_watched = coalesce($watched, x.is_watched, false),
    x.watched_at = CASE WHEN coalesce($watched, x.is_watched) THEN coalesce(x.watched_at, datetime())
                        ELSE null END
RETURN x {.progress_seconds, .is_watched, .watched_at} AS progress, show.uid AS show
