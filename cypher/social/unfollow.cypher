// Stop following, or withdraw a pending request.
MATCH (:User {uid: $me})-[f:FOLLOWS|REQUESTED_FOLLOW]->(:User {uid: $them})
DELETE f
RETURN count(f) AS removed
