"""Who is calling: a session's access token (Bearer header or cookie) or an API token.

Cookie-authenticated requests that change state must echo the CSRF cookie in the
X-CSRF-Token header (double submit); Bearer requests cannot be forged by a browser.
"""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING

import jwt
from fastapi import Request, Response
from redis.exceptions import RedisError

from app.kit.principal import Caller, Principal
from app.kit.tokens import digest

from . import repository, service
from .api_tokens import PREFIX
from .runtime import AuthRuntime

if TYPE_CHECKING:
    from app.settings import AuthSettings

    from .service import Tokens

ACCESS_COOKIE, REFRESH_COOKIE, CSRF_COOKIE = "rg_access", "rg_refresh", "rg_csrf"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


def device_of(request: Request) -> service.Device:
    """The signing-in device as sessions and the audit log record it."""
    return service.Device(name=request.headers.get("user-agent", "")[:200],
                  ip=request.client.host if request.client else "")


async def identify(rt: AuthRuntime, request: Request, csrf_checked: bool = False) -> Caller:
    """`csrf_checked`: the caller already matched a CSRF form field against the cookie."""
    header = request.headers.get("authorization", "")
    if header:
        return await identify_bearer(rt, header)
    cookie = request.cookies.get(ACCESS_COOKIE)
    if cookie:
        if request.method not in SAFE_METHODS and not csrf_checked:
            sent, expected = request.headers.get("x-csrf-token", ""), request.cookies.get(CSRF_COOKIE, "")
            if not expected or not secrets.compare_digest(sent, expected):
                return Caller(None, "Missing or wrong X-CSRF-Token header")
        return await _from_access(rt, cookie, "cookie")
    return Caller(None)


async def identify_bearer(rt: AuthRuntime, header: str) -> Caller:
    """`Bearer <access token or API token>`; an empty header is an anonymous caller."""
    if not header:
        return Caller(None)
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token:
        return Caller(None, "Authorization must be 'Bearer <token>'")
    if token.startswith(PREFIX):
        found = await repository.use_api_token(rt.driver, digest(token[:200]))
        if found is None:
            return Caller(None, "This API token is not valid or was revoked")
        row, user = found
        return Caller(Principal(user, None, row.get("profile_uid"), tuple(row["scopes"]), "api_token"))
    return await _from_access(rt, token, "bearer")


async def _from_access(rt: AuthRuntime, token: str, via: str) -> Caller:
    try:
        claims = rt.issuer.verify(token)
    except jwt.ExpiredSignatureError:
        return Caller(None, "Access token expired; refresh it")
    except jwt.InvalidTokenError:
        return Caller(None, "Access token is not valid")
    try:
        revoked = bool(claims.session and await service.is_revoked(rt, claims.session))
    except (RedisError, OSError):  # cannot tell: refuse, as for a revoked session
        return Caller(None, "Sessions cannot be checked right now; try again shortly")
    if revoked:
        return Caller(None, "This session was signed out")
    return Caller(Principal(claims.user, claims.session, claims.profile, claims.scopes, via))


# ---------------------------------------------------------------- web cookies

def set_session_cookies(response: Response, request: Request | None, tokens: Tokens,
                        a: AuthSettings) -> None:
    """HttpOnly access and refresh cookies, plus the CSRF cookie the page's script echoes
    in X-CSRF-Token (kept across refreshes so open pages keep working)."""
    common = {"httponly": True, "secure": a.cookie_secure, "samesite": "lax"}
    response.set_cookie(ACCESS_COOKIE, tokens.access_token, max_age=a.access_ttl_seconds, **common)  # type: ignore[arg-type]
    response.set_cookie(REFRESH_COOKIE, tokens.refresh_token, max_age=a.refresh_ttl_days * 86400,
                        path="/graphql", **common)  # type: ignore[arg-type]
    csrf = (request.cookies.get(CSRF_COOKIE) if request else None) or secrets.token_urlsafe(24)
    response.set_cookie(CSRF_COOKIE, csrf, secure=a.cookie_secure, samesite="strict",
                        max_age=a.refresh_ttl_days * 86400)


def clear_session_cookies(response: Response) -> None:
    response.delete_cookie(ACCESS_COOKIE)
    response.delete_cookie(REFRESH_COOKIE, path="/graphql")
    response.delete_cookie(CSRF_COOKIE)
