from __future__ import annotations

from neomodel import (
    ArrayProperty,
    AsyncRelationshipFrom,
    AsyncStructuredNode,
    FloatProperty,
    StringProperty,
)


class MediaEmbedding(AsyncStructuredNode):
    """A published version's vectors for one title, on a node of its own so that loading
    the title never drags them along (written by cypher/gnn/write_media_embeddings)."""

    media_uid = StringProperty(unique_index=True, required=True)
    embedding = ArrayProperty(FloatProperty())  # cosine vector index (schema/gnn_vectors)
    mips = ArrayProperty(FloatProperty())  # one coordinate more, euclidean index (gnn.publish)
    version = StringProperty()
    published = StringProperty()  # the publish run; nodes of older runs are cleared

    media = AsyncRelationshipFrom("graph_model.media.Media", "EMBEDDED_AS")
