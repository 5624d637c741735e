MATCH (s:RecommenderModel {key: 'current'})
RETURN s.version AS version, s.dim AS dim, s.max_norm AS max_norm,
       s.rating_threshold AS rating_threshold, s.watched_weight AS watched_weight,
       s.listed_weight AS listed_weight
