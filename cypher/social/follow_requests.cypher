// Requests waiting for my answer, newest first (blocked accounts' are gone already).
MATCH (u:User)-[r:REQUESTED_FOLLOW]->(:User {uid: $me})
OPTIONAL MATCH (u)-[:HAS_PROFILE]->(main:Profile {is_primary: true})
RETURN u.uid AS user, coalesce(main.name, u.display_name) AS name, r.created_at AS requested_at
ORDER BY r.created_at DESC
LIMIT $limit
