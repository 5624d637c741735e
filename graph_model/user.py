from __future__ import annotations

from neomodel import (
    AsyncRelationshipTo,
    AsyncStructuredNode,
    AsyncStructuredRel,
    EmailProperty,
    JSONProperty,
    StringProperty,
)

from .base import CreatedAt, IdProperty


class Follows(AsyncStructuredRel):
    created_at = CreatedAt()


class User(AsyncStructuredNode):
    """An account. People act through its profiles; follows link accounts."""

    uid = IdProperty()
    email = EmailProperty(unique_index=True)
    password_hash = StringProperty()
    display_name = StringProperty(max_length=50)
    avatar_url = StringProperty()
    settings = JSONProperty(default=dict)
    # Stable key from an import ("movielens:42"); unique so re-imports merge.
    external_key = StringProperty(unique_index=True)
    created_at = CreatedAt()

    profiles = AsyncRelationshipTo("graph_model.profile.Profile", "HAS_PROFILE")
    follows = AsyncRelationshipTo("User", "FOLLOWS", model=Follows)
