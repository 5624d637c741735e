from __future__ import annotations

from neomodel import (
    ArrayProperty,
    AsyncRelationshipTo,
    AsyncStructuredNode,
    AsyncStructuredRel,
    BooleanProperty,
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
    email_verified = BooleanProperty(default=False)
    password_hash = StringProperty()  # argon2id; absent for accounts made by OpenID sign-in
    totp_secret = StringProperty()  # encrypted (Fernet) with the key in the state folder
    totp_enabled = BooleanProperty(default=False)
    recovery_codes = ArrayProperty(StringProperty(), default=list)  # SHA-256 of unused codes
    display_name = StringProperty(max_length=50)
    avatar_url = StringProperty()
    settings = JSONProperty(default=dict)
    # Stable key from an import ("movielens:42"); unique so re-imports merge.
    external_key = StringProperty(unique_index=True)
    created_at = CreatedAt()

    profiles = AsyncRelationshipTo("graph_model.profile.Profile", "HAS_PROFILE")
    follows = AsyncRelationshipTo("User", "FOLLOWS", model=Follows)
    sessions = AsyncRelationshipTo("graph_model.session.Session", "HAS_SESSION")
    api_tokens = AsyncRelationshipTo("graph_model.session.ApiToken", "HAS_TOKEN")
    identities = AsyncRelationshipTo("graph_model.session.Identity", "HAS_IDENTITY")
    audit = AsyncRelationshipTo("graph_model.audit.AuditEvent", "AUDIT")
