// A vector index whose dimensions no longer match the version being published.
DROP INDEX $name IF EXISTS
