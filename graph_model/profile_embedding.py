from __future__ import annotations

from neomodel import (
    ArrayProperty,
    AsyncRelationshipFrom,
    AsyncStructuredNode,
    FloatProperty,
    StringProperty,
)


class ProfileEmbedding(AsyncStructuredNode):
    """A published version's vector for one profile (cypher/gnn/write_profile_embeddings)."""

    profile_uid = StringProperty(unique_index=True, required=True)
    embedding = ArrayProperty(FloatProperty())
    version = StringProperty()
    published = StringProperty()  # the publish run; nodes of older runs are cleared

    profile = AsyncRelationshipFrom("graph_model.profile.Profile", "EMBEDDED_AS")
