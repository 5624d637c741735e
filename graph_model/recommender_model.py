from __future__ import annotations

from neomodel import (
    AsyncStructuredNode,
    DateTimeNeo4jFormatProperty,
    FloatProperty,
    IntegerProperty,
    StringProperty,
)


class RecommenderModel(AsyncStructuredNode):
    """The one node (key "current") that says which version serves and how to read its
    scores (written by cypher/gnn/set_current_model)."""

    key = StringProperty(unique_index=True, required=True)
    version = StringProperty(required=True)
    dim = IntegerProperty()
    max_norm = FloatProperty()
    published_at = DateTimeNeo4jFormatProperty()
    metrics = StringProperty()  # JSON text, as the API parses it
    rating_threshold = IntegerProperty()
    watched_weight = FloatProperty()
    listed_weight = FloatProperty()
