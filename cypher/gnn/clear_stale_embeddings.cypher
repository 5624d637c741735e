// Titles and profiles the published version does not know lose their old embeddings
// (by publish id: a version name could repeat if a registry folder were lost).
CALL {
  MATCH (e:MediaEmbedding) WHERE e.published <> $published OR e.published IS NULL
  DETACH DELETE e
  RETURN count(*) AS media
}
CALL {
  MATCH (e:ProfileEmbedding) WHERE e.published <> $published OR e.published IS NULL
  DETACH DELETE e
  RETURN count(*) AS profiles
}
RETURN media, profiles
