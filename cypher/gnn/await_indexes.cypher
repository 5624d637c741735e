// Publishing returns once the vector indexes hold the new embeddings.
CALL db.awaitIndexes(300)
