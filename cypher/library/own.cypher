// A copy the profile owns, one relationship per format (a title can be owned twice).
MATCH (:User {uid: $user})-[:HAS_PROFILE]->(p:Profile {uid: $profile})
MATCH (m:Media {uid: $media})
MERGE (p)-[o:OWNS_COPY {format: $format}]->(m)
  ON CREATE SET o.added_at = datetime()
SET o.provider = $provider
RETURN [(p)-[x:OWNS_COPY]->(m) | x.format] AS formats
