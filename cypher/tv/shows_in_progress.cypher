MATCH (:User {uid: $user})-[:HAS_PROFILE]->(p:Profile {uid: $profile})-[:PROGRESS]->(:Episode)
      <-[:HAS_EPISODE]-(:Season)<-[:HAS_SEASON]-(show:Media)
WHERE ($max_level IS NULL OR show.cert_level <= $max_level)
RETURN DISTINCT show.uid AS show
