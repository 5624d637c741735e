// A new account with its primary profile and that profile's system lists, in one statement.
CREATE (u:User {uid: randomUUID(), email: $email, password_hash: $password_hash,
                display_name: $display_name, email_verified: $email_verified,
                totp_enabled: false, recovery_codes: [], created_at: datetime()})
CREATE (u)-[:HAS_PROFILE]->(p:Profile {uid: randomUUID(), name: $display_name, is_primary: true,
                is_kid: false, is_guest: false, privacy: 'friends', timezone: 'UTC',
                created_at: datetime()})
WITH u, p
CALL (p) {
  UNWIND range(0, size($system_lists) - 1) AS i
  CREATE (p)-[:OWNS]->(:List {uid: randomUUID(), name: $system_lists[i], is_system: true, sort_order: i,
                              visibility: 'private', created_at: datetime()})
}
RETURN u {.*} AS user, p.uid AS profile
