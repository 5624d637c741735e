MATCH (u:User {uid: $user})
CREATE (u)-[:AUDIT]->(:AuditEvent {uid: randomUUID(), kind: $kind, ip: $ip, device: $device,
        detail: $detail, at: datetime()})
