MATCH (:User {uid: $user})-[:HAS_PROFILE]->(p:Profile {uid: $profile})
SET p += $props
RETURN p {.*} AS profile
