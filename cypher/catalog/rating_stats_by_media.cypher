// Platform ratings (1-10) from every profile; privacy does not apply to aggregates.
UNWIND $ids AS id
MATCH (m:Media {uid: id})
OPTIONAL MATCH (m)<-[r:RATED]-(:Profile)
RETURN id, avg(r.rating) AS average, count(r) AS count
