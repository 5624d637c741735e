// Compare-and-set: only the current refresh secret of a live session rotates. Writing
// attempted_at first takes the node's write lock, so of two requests racing with one
// token the second reads the rotated hash and fails. The old secret joins the spent
// list (last 50), which is how a replay is recognised later.
MATCH (u:User)-[:HAS_SESSION]->(s:Session {uid: $session})
SET s.attempted_at = datetime()
WITH u, s
WHERE s.revoked_at IS NULL AND s.expires_at > datetime() AND s.refresh_hash = $old_hash
SET s.spent_hashes = (coalesce(s.spent_hashes, []) + $old_hash)[-50..],
    s.refresh_hash = $new_hash,
    s.last_used_at = datetime()
RETURN s {.*} AS session, u.uid AS user
