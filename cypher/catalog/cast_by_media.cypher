UNWIND $ids AS id
MATCH (m:Media {uid: id})<-[r:ACTED_IN]-(p:Person)
WITH id, p, r ORDER BY coalesce(r.order, 9999), p.name
// capped: the API's cost estimate counts lists as bounded
RETURN id, collect({person: p {.*}, character: r.character, order: r.order})[..50] AS cast
