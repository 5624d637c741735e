"""Access tokens (JWT, RS256, short-lived), refresh tokens and one-time secrets."""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from typing import Any

import jwt

from .keys import KeyRing


@dataclass(frozen=True)
class AccessClaims:
    user: str
    session: str | None
    profile: str | None
    scopes: tuple[str, ...]


class TokenIssuer:
    def __init__(self, keys: KeyRing, issuer: str, audience: str, ttl_seconds: int) -> None:
        self.keys, self.issuer, self.audience, self.ttl = keys, issuer, audience, ttl_seconds

    def issue(self, claims: AccessClaims) -> str:
        key = self.keys.current()
        now = int(time.time())
        payload = {
            "iss": self.issuer, "aud": self.audience, "sub": claims.user, "sid": claims.session,
            "pid": claims.profile, "scope": " ".join(claims.scopes), "iat": now,
            "exp": now + self.ttl, "jti": uuid.uuid4().hex,
        }
        return jwt.encode(payload, key.private_key, algorithm="RS256", headers={"kid": key.kid})

    def verify(self, token: str) -> AccessClaims:
        """Raises jwt.InvalidTokenError for anything not issued by us and still valid."""
        kid = jwt.get_unverified_header(token).get("kid")
        key = self.keys.get(kid) if isinstance(kid, str) else None
        if key is None:
            raise jwt.InvalidTokenError("unknown key id")  # InvalidKeyError is not one
        data: dict[str, Any] = jwt.decode(
            token, key.public_key(), algorithms=["RS256"], audience=self.audience, issuer=self.issuer,
            options={"require": ["exp", "iat", "sub"]},
        )
        return AccessClaims(user=data["sub"], session=data.get("sid"), profile=data.get("pid"),
                            scopes=tuple(data.get("scope", "").split()))
