// Who each list is shared with, in the order they were invited.
UNWIND $lists AS list
MATCH (p:Profile)-[c:COLLABORATES]->(:List {uid: list})
WITH list, p, c ORDER BY c.since
RETURN list, collect({id: p.uid, name: p.name, role: c.role}) AS collaborators
