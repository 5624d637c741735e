MATCH (:User {uid: $user})-[:HAS_PROFILE]->(p:Profile {uid: $profile})-[o:OWNS_COPY {format: $format}]->(m:Media {uid: $media})
DELETE o
RETURN count(*) AS removed
