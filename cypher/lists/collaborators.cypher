MATCH (p:Profile)-[c:COLLABORATES]->(:List {uid: $list})
RETURN p.uid AS id, p.name AS name, c.role AS role
ORDER BY c.since
