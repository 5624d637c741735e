// What listings need to know about the acting profile.
MATCH (:User {uid: $user})-[:HAS_PROFILE]->(p:Profile {uid: $profile})
RETURN p.is_kid AS is_kid, p.max_cert_level AS max_cert_level, p.is_guest AS is_guest
