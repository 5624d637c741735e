from __future__ import annotations

from neomodel import AsyncRelationshipFrom, AsyncStructuredNode, JSONProperty, StringProperty

from .base import CreatedAt, IdProperty


class AuditEvent(AsyncStructuredNode):
    """A security event on an account (login, failed login, 2FA change, token, password)."""

    uid = IdProperty()
    kind = StringProperty(required=True, index=True)
    ip = StringProperty()
    device = StringProperty()
    detail = JSONProperty(default=dict)
    at = CreatedAt()

    user = AsyncRelationshipFrom("graph_model.user.User", "AUDIT")
