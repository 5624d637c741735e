"""Random secrets and how they are stored (share links, API tokens, one-time codes)."""

from __future__ import annotations

import hashlib
import secrets


def random_token(prefix: str = "") -> str:
    return prefix + secrets.token_urlsafe(32)


def digest(token: str) -> str:
    """Tokens are stored as SHA-256: they are random, so no slow hash is needed."""
    return hashlib.sha256(token.encode()).hexdigest()
