MATCH (:User {uid: $user})-[:HAS_PROFILE]->(p:Profile {uid: $profile})
CREATE (p)-[:OWNS]->(l:List {uid: randomUUID(), name: $name, description: $description,
        icon: $icon, visibility: $visibility, is_system: false, created_at: datetime()})
RETURN l {.*, item_count: 0} AS list
