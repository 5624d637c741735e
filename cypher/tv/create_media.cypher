// A title entered by hand: a Media node (TVShow too for shows) with its genres and, for
// shows, seasons and numbered episodes. The profile that entered it is remembered, and
// the same profile cannot enter the same (title, year, type) twice.
MATCH (:User {uid: $user})-[:HAS_PROFILE]->(p:Profile {uid: $profile})
SET p.entered_at = datetime()
WITH p
WHERE NOT EXISTS {
  MATCH (p)-[:ENTERED]->(old:Media)
  WHERE toLower(old.title) = toLower($title) AND old.type = $type
    AND coalesce(old.year, -1) = coalesce($year, -1) }
CREATE (p)-[:ENTERED]->(m:Media {uid: randomUUID(), external_key: 'manual:' + randomUUID(),
        type: $type, title: $title, year: $year, overview: $overview, runtime: $runtime,
        certification: $certification, cert_level: $cert_level, created_at: datetime()})
FOREACH (_ IN CASE WHEN $type = 'tv' THEN [1] ELSE [] END |
  SET m:TVShow, m.number_of_seasons = size($seasons),
      m.number_of_episodes = reduce(n = 0, s IN $seasons | n + s.episodes))
WITH m
CALL (m) {
  UNWIND $genres AS name
  MATCH (g:Genre {name: name})
  MERGE (m)-[:IN_GENRE]->(g)
}
CALL (m) {
  UNWIND $seasons AS s
  CREATE (m)-[:HAS_SEASON]->(season:Season {uid: randomUUID(), season_number: s.number,
          episode_count: s.episodes})
  WITH season, s
  UNWIND range(1, s.episodes) AS n
  CREATE (season)-[:HAS_EPISODE]->(:Episode {uid: randomUUID(), episode_number: n,
          title: 'Episode ' + toString(n), runtime: s.runtime})
}
RETURN m {.*} AS media
