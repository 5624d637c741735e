// Titles and profiles the published version does not know lose their old embeddings.
CALL {
  MATCH (e:MediaEmbedding) WHERE e.version <> $version
  DETACH DELETE e
  RETURN count(*) AS media
}
CALL {
  MATCH (e:ProfileEmbedding) WHERE e.version <> $version
  DETACH DELETE e
  RETURN count(*) AS profiles
}
RETURN media, profiles
