"""Browser side of OpenID Connect sign-in: redirect out, come back with a cookie session."""

from __future__ import annotations

from html import escape
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse, Response

from app.accounts import oidc
from app.accounts.auth import device_of, set_session_cookies
from app.errors import DomainError
from app.state import app_state

from .auth_pages import page

router = APIRouter()
STATE_COOKIE = "rg_oidc_state"


def _client() -> httpx.AsyncClient:
    return httpx.AsyncClient(timeout=10, follow_redirects=False)


@router.get("/auth/oidc/{name}/start")
async def start(request: Request, name: str) -> Response:
    try:
        async with _client() as client:
            url = await oidc.start(app_state(request.app).auth, name, client)
    except (DomainError, httpx.HTTPError) as e:
        return page("Sign-in unavailable", f'<p role="alert">{escape(str(getattr(e, "message", e)))}</p>', 400)
    response = RedirectResponse(url, status_code=302)
    state = parse_qs(urlsplit(url).query)["state"][0]
    response.set_cookie(STATE_COOKIE, state, max_age=600, path="/auth/oidc", httponly=True,
                        secure=app_state(request.app).settings.auth.cookie_secure, samesite="lax")
    return response


@router.get("/auth/oidc/{name}/callback")
async def callback(request: Request, name: str, code: str | None = Query(default=None, max_length=2000),
                   state: str | None = Query(default=None, max_length=200),
                   error: str | None = Query(default=None, max_length=200)) -> Response:
    if error or not code or not state:
        return page("Sign-in cancelled", f"<p>The provider answered: {escape(error or 'no code')}.</p>", 400)
    rt = app_state(request.app).auth
    try:
        async with _client() as client:
            outcome = await oidc.finish(rt, name, code, state, request.cookies.get(STATE_COOKIE),
                                        device_of(request), client)
    except (DomainError, httpx.HTTPError) as e:
        return page("Sign-in failed", f'<p role="alert">{escape(str(getattr(e, "message", e)))}</p>', 400)
    if outcome.challenge:
        response = RedirectResponse(f"/auth/two-factor?{urlencode({'challenge': outcome.challenge})}",
                                    status_code=303)
    else:
        assert outcome.tokens is not None
        response = RedirectResponse("/", status_code=303)
        set_session_cookies(response, request, outcome.tokens, rt.settings.auth)
    response.delete_cookie(STATE_COOKIE, path="/auth/oidc")
    return response
