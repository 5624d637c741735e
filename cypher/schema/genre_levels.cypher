// Uncertified imported titles of the kid genre get its level (graph_model.media.genre_level);
// hand-entered titles ('manual:' keys) never do.
MATCH (m:Media)-[:IN_GENRE]->(:Genre {name: $genre})
WHERE m.certification IS NULL AND m.cert_level IS NULL AND NOT coalesce(m.external_key, '') STARTS WITH 'manual:'
SET m.cert_level = $level
