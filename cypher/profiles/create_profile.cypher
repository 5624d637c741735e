// Writing profiles_checked_at first takes the account's lock, so two requests cannot
// both count 7 profiles and make a ninth.
MATCH (u:User {uid: $user})
SET u.profiles_checked_at = datetime()
WITH u, COUNT { (u)-[:HAS_PROFILE]->(:Profile) } AS existing
WHERE existing < $max_profiles
CREATE (u)-[:HAS_PROFILE]->(p:Profile {uid: randomUUID(), created_at: datetime(), is_primary: false})
SET p += $props
WITH p
CALL (p) {
  UNWIND range(0, size($system_lists) - 1) AS i
  CREATE (p)-[:OWNS]->(:List {uid: randomUUID(), name: $system_lists[i], is_system: true, sort_order: i,
                              visibility: 'private', created_at: datetime()})
}
RETURN p {.*} AS profile
