from __future__ import annotations

from neomodel import (
    AsyncRelationshipFrom,
    AsyncRelationshipTo,
    AsyncStructuredNode,
    BooleanProperty,
    DateTimeNeo4jFormatProperty,
    IntegerProperty,
    StringProperty,
)

from .base import CreatedAt, IdProperty, utcnow
from .media_list import VISIBILITY


class Review(AsyncStructuredNode):
    """A node rather than a relationship: reviews gather votes, reactions and comments."""

    uid = IdProperty()
    content = StringProperty(required=True, min_length=20, max_length=5000)
    contains_spoilers = BooleanProperty(default=False)
    helpful_count = IntegerProperty(default=0)
    visibility = StringProperty(choices=VISIBILITY, default="public")
    created_at = CreatedAt()
    updated_at = DateTimeNeo4jFormatProperty(default=utcnow)

    author = AsyncRelationshipFrom("graph_model.profile.Profile", "WROTE")
    media = AsyncRelationshipTo("graph_model.media.Media", "ABOUT")
