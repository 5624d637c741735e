// One domain event into the actor's feed. An event joins the actor's latest entry of the
// same kind and target if that entry moved within $window_hours (five episodes of one show
// in an evening are one entry); otherwise it starts a new entry. Safe to replay: an event
// id already recorded changes nothing.
MATCH (p:Profile {uid: $profile})
OPTIONAL CALL (p) {
  MATCH (p)-[:DID]->(a:Activity {kind: $kind, target: $target})
  WHERE a.last_at >= datetime($at) - duration({hours: $window_hours})
  RETURN a ORDER BY a.last_at DESC LIMIT 1
}
WITH p, a
WHERE a IS NULL OR NOT $event IN a.events
CALL (p, a) {
  WITH p, a WHERE a IS NOT NULL
  SET a.count = a.count + 1, a.last_at = datetime($at), a.rating = coalesce($rating, a.rating),
      a.media = ([$media] + [m IN a.media WHERE m <> $media])[..5],
      a.events = (a.events + [$event])[-50..]
  RETURN a AS entry
  UNION
  WITH p, a WHERE a IS NULL
  CREATE (p)-[:DID]->(n:Activity {uid: randomUUID(), kind: $kind, target: $target, count: 1,
                                  first_at: datetime($at), last_at: datetime($at), media: [$media],
                                  rating: $rating, list: $list, review: $review, events: [$event]})
  RETURN n AS entry
}
RETURN entry.uid AS uid,
       COLLECT { MATCH (:Media {uid: $media})-[:IN_GENRE]->(g:Genre) RETURN g.name } AS genres
