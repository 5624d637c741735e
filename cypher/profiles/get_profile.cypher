// A profile of this user, or nothing: every profile read is scoped by its owner.
MATCH (:User {uid: $user})-[:HAS_PROFILE]->(p:Profile {uid: $profile})
RETURN p {.*} AS profile
