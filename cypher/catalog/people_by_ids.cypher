UNWIND $ids AS id
MATCH (p:Person {uid: id})
RETURN p {.*} AS person
