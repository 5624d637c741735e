// Marks watched every episode of a season ($season), or every episode of a show up to
// and including one ($up_to: earlier seasons, then earlier episodes of its season).
MATCH (:User {uid: $user})-[:HAS_PROFILE]->(p:Profile {uid: $profile})
CALL (p) {
  MATCH (show:Media)-[:HAS_SEASON]->(s:Season {uid: $season})-[:HAS_EPISODE]->(e:Episode)
  WHERE $season IS NOT NULL
  RETURN show, e
  UNION
  MATCH (show:Media)-[:HAS_SEASON]->(ts:Season)-[:HAS_EPISODE]->(target:Episode {uid: $up_to})
  WHERE $up_to IS NOT NULL
  MATCH (show)-[:HAS_SEASON]->(s:Season)-[:HAS_EPISODE]->(e:Episode)
  WHERE s.season_number < ts.season_number
     OR (s.season_number = ts.season_number AND e.episode_number <= target.episode_number)
  RETURN show, e
}
WITH p, show, e
WHERE $max_level IS NULL OR show.cert_level <= $max_level
MERGE (p)-[x:PROGRESS]->(e)
SET x.is_watched = true, x.watched_at = coalesce(x.watched_at, datetime())
RETURN show.uid AS show, count(e) AS marked
