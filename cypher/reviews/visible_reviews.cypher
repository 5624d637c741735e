// Reviews the viewer may read (the README's "Who reads what"): never across a block; the
// acting profile's own, or, unless the author's profile is private, public ones and
// friends-only ones between mutual follows. By review ids ($ids) or about a title ($media).
MATCH (u:User)-[:HAS_PROFILE]->(p:Profile)-[:WROTE]->(r:Review)-[:ABOUT]->(m:Media)
WHERE (($ids IS NOT NULL AND r.uid IN $ids) OR ($media IS NOT NULL AND m.uid = $media))
  AND ($max_level IS NULL OR m.cert_level <= $max_level)
  AND ($viewer IS NULL OR NOT EXISTS { (:User {uid: $viewer})-[:BLOCKS]-(u) })
  AND (p.uid = $profile
       OR (coalesce(p.privacy, 'friends') <> 'private'
           AND (r.visibility = 'public'
                OR (r.visibility = 'friends' AND $viewer IS NOT NULL AND u.uid <> $viewer
                    AND EXISTS { (:User {uid: $viewer})-[:FOLLOWS]->(u) }
                    AND EXISTS { (u)-[:FOLLOWS]->(:User {uid: $viewer}) }))))
  // resume after the cursor's (helpful_count, created_at, uid), in the same order
  AND ($after_helpful IS NULL OR r.helpful_count < $after_helpful
       OR (r.helpful_count = $after_helpful AND (r.created_at < datetime($after_at)
           OR (r.created_at = datetime($after_at) AND r.uid > $after_uid))))
RETURN r {.*,
          reactions: COUNT { (r)<-[:REACTED]-() },
          likes: COUNT { (r)<-[:REACTED {kind: 'like'}]-() },
          funny: COUNT { (r)<-[:REACTED {kind: 'funny'}]-() },
          comment_count: COUNT { (r)<-[:ON]-(:Comment) }} AS review,
       p {.uid, .name} AS author, m.uid AS media
ORDER BY r.helpful_count DESC, r.created_at DESC, r.uid
LIMIT $limit
