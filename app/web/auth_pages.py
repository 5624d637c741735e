"""Pages the account emails link to, and the public signing keys."""

from __future__ import annotations

from html import escape

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from app.accounts import service, twofactor
from app.accounts.auth import device_of, set_session_cookies
from app.errors import DomainError
from app.state import app_state

router = APIRouter()

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Reelgraph — {title}</title>
<style>body {{ font: 16px/1.5 system-ui, sans-serif; max-width: 32rem; margin: 2rem auto; padding: 0 1rem; }}
label, input, button {{ display: block; margin: .4rem 0; }}</style></head>
<body><main><h1>{title}</h1>{body}<p><a href="/">Back to Reelgraph</a></p></main></body></html>"""


def page(title: str, body: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(PAGE.format(title=escape(title), body=body), status_code=status,
                        headers={"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"})


@router.get("/.well-known/jwks.json")
async def jwks(request: Request) -> JSONResponse:
    return JSONResponse(app_state(request.app).auth.keys.jwks())


@router.get("/auth/verify", response_class=HTMLResponse)
async def verify(request: Request, token: str = Query(max_length=200)) -> HTMLResponse:
    try:
        await service.verify_email(app_state(request.app).auth, token)
    except DomainError as e:
        return page("Email not confirmed", f'<p role="alert">{escape(e.message)}</p>', 400)
    return page("Email confirmed", "<p>Your address is confirmed. You can sign in now.</p>")


@router.get("/auth/reset", response_class=HTMLResponse)
async def reset_form(token: str | None = Query(default=None, max_length=200)) -> HTMLResponse:
    if not token:
        return page("Reset your password", "<p>Ask for a reset link from the sign-in page; "
                    "it arrives by email.</p>")
    return page("Choose a new password", f"""<form method="post" action="/auth/reset">
<input type="hidden" name="token" value="{escape(token)}">
<label for="pw">New password (10+ characters, letters and digits)</label>
<input id="pw" name="new_password" type="password" autocomplete="new-password" required minlength="10" maxlength="128">
<button type="submit">Save password</button></form>""")


@router.post("/auth/reset", response_class=HTMLResponse)
async def reset_submit(request: Request, token: str = Form(max_length=200),
                       new_password: str = Form(max_length=128)) -> HTMLResponse:
    # No cookie grants anything here: the emailed token is the credential, so no CSRF token.
    try:
        await service.reset_password(app_state(request.app).auth, token, new_password)
    except DomainError as e:
        return page("Password not changed", f'<p role="alert">{escape(e.message)}</p>', 400)
    return page("Password changed", "<p>Your password is changed and every session signed out. "
                "Sign in with the new password.</p>")


@router.get("/auth/two-factor", response_class=HTMLResponse)
async def two_factor_form(challenge: str = Query(max_length=200)) -> HTMLResponse:
    return page("Two-factor sign-in", f"""<form method="post" action="/auth/two-factor">
<input type="hidden" name="challenge" value="{escape(challenge)}">
<label for="code">Code from your authenticator app</label>
<input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" maxlength="6">
<label for="rc">Or a recovery code</label>
<input id="rc" name="recovery_code" maxlength="20" autocomplete="off">
<button type="submit">Sign in</button></form>""")


@router.post("/auth/two-factor")
async def two_factor_submit(request: Request, challenge: str = Form(max_length=200),
                            code: str = Form(default="", max_length=10),
                            recovery_code: str = Form(default="", max_length=20)) -> Response:
    # The challenge (from a password or provider sign-in moments ago) is the credential.
    rt = app_state(request.app).auth
    try:
        tokens = await twofactor.complete_login(rt, challenge, code or None, recovery_code or None,
                                                device_of(request))
    except DomainError as e:
        return page("Not signed in", f'<p role="alert">{escape(e.message)}</p>', 400)
    response = RedirectResponse("/", status_code=303)
    set_session_cookies(response, request, tokens, rt.settings.auth)
    return response
