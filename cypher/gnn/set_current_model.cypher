// The one node the API reads to know which version serves, how to read its scores, and
// what counts as a positive when it folds in a profile the version has not seen.
MERGE (s:RecommenderModel {key: 'current'})
SET s.version = $version, s.dim = $dim, s.max_norm = $max_norm, s.published_at = datetime(),
    s.metrics = $metrics,  // JSON text: properties cannot hold maps
    s.rating_threshold = $rating_threshold, s.watched_weight = $watched_weight,
    s.listed_weight = $listed_weight
RETURN s.version AS version
