// Indexes neomodel does not derive from the node classes. Each statement is
// idempotent (IF NOT EXISTS); graph_model.db.migrate runs them after install_all_labels.
CREATE INDEX media_title_uid IF NOT EXISTS FOR (m:Media) ON (m.title, m.uid);
CREATE INDEX rated_at IF NOT EXISTS FOR ()-[r:RATED]-() ON (r.rated_at);
CREATE INDEX watched_last IF NOT EXISTS FOR ()-[r:WATCHED]-() ON (r.last_watched_at);
CREATE INDEX season_number IF NOT EXISTS FOR (s:Season) ON (s.season_number);
CREATE FULLTEXT INDEX person_name_fulltext IF NOT EXISTS FOR (p:Person) ON EACH [p.name]
;
CREATE INDEX list_share_hash IF NOT EXISTS FOR (l:List) ON (l.share_hash)
;
