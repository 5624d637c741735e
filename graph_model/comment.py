from __future__ import annotations

from neomodel import AsyncRelationshipFrom, AsyncRelationshipTo, AsyncStructuredNode, StringProperty

from .base import CreatedAt, IdProperty


class Comment(AsyncStructuredNode):
    """A comment on a review (written by cypher/reviews/comment)."""

    uid = IdProperty()
    content = StringProperty(required=True)
    created_at = CreatedAt()

    author = AsyncRelationshipFrom("graph_model.profile.Profile", "WROTE")
    review = AsyncRelationshipTo("graph_model.review.Review", "ON")
    mentions = AsyncRelationshipTo("graph_model.profile.Profile", "MENTIONS")
