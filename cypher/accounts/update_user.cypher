// Sets the given properties (a map chosen by the service, never by the client).
MATCH (u:User {uid: $user})
SET u += $props
RETURN u {.*} AS user
