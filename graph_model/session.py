from __future__ import annotations

from neomodel import (
    ArrayProperty,
    AsyncRelationshipFrom,
    AsyncStructuredNode,
    DateTimeNeo4jFormatProperty,
    StringProperty,
)

from .base import CreatedAt, IdProperty


class Session(AsyncStructuredNode):
    """A signed-in device. Its refresh token rotates on use; a spent one revokes it."""

    uid = IdProperty()
    refresh_hash = StringProperty(index=True)
    spent_hashes = ArrayProperty(StringProperty(), default=list)
    device = StringProperty(max_length=200)
    ip = StringProperty(max_length=64)
    profile_uid = StringProperty()
    created_at = CreatedAt()
    last_used_at = DateTimeNeo4jFormatProperty()
    expires_at = DateTimeNeo4jFormatProperty()
    revoked_at = DateTimeNeo4jFormatProperty()

    user = AsyncRelationshipFrom("graph_model.user.User", "HAS_SESSION")


class ApiToken(AsyncStructuredNode):
    """A named, scoped token for extensions and scripts; only its SHA-256 is kept."""

    uid = IdProperty()
    name = StringProperty(required=True, max_length=100)
    token_hash = StringProperty(unique_index=True, required=True)
    prefix = StringProperty()  # first characters, so people can tell tokens apart
    profile_uid = StringProperty()  # the profile the token acts as
    scopes = ArrayProperty(StringProperty(), default=list)
    created_at = CreatedAt()
    last_used_at = DateTimeNeo4jFormatProperty()
    revoked_at = DateTimeNeo4jFormatProperty()

    user = AsyncRelationshipFrom("graph_model.user.User", "HAS_TOKEN")


class Identity(AsyncStructuredNode):
    """An OpenID Connect account linked to a user: (provider, subject) is unique."""

    uid = IdProperty()
    key = StringProperty(unique_index=True, required=True)  # "<provider>|<subject>"
    provider = StringProperty(required=True)
    subject = StringProperty(required=True)
    email = StringProperty()
    created_at = CreatedAt()

    user = AsyncRelationshipFrom("graph_model.user.User", "HAS_IDENTITY")
