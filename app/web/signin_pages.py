"""Sign-in, sign-up, forgotten password and sign-out pages for browsers.

Forms carry the rg_csrf cookie's value in a hidden field (double submit), so another
site cannot post them, not even to sign a visitor into someone else's account.
"""

from __future__ import annotations

import secrets
from html import escape
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from app.accounts import oidc, service
from app.accounts.auth import (
    CSRF_COOKIE,
    clear_session_cookies,
    device_of,
    identify,
    set_session_cookies,
)
from app.errors import DomainError
from app.state import app_state

from .auth_pages import page

router = APIRouter()


def _csrf(request: Request) -> str:
    return request.cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(24)


def _form_page(request: Request, title: str, body: str, status: int = 200) -> HTMLResponse:
    token = _csrf(request)
    response = page(title, body.replace("{csrf}", escape(token)), status)
    response.set_cookie(CSRF_COOKIE, token, secure=app_state(request.app).settings.auth.cookie_secure,
                        samesite="strict", max_age=30 * 86400)
    return response


def _checked(request: Request, csrf: str) -> bool:
    expected = request.cookies.get(CSRF_COOKIE, "")
    return bool(expected) and secrets.compare_digest(csrf, expected)


def _alert(message: str | None) -> str:
    return f'<p role="alert">{escape(message)}</p>' if message else ""


LOGIN_FORM = """{alert}<form method="post" action="/auth/login">
<input type="hidden" name="csrf" value="{csrf}">
<label for="email">Email</label><input id="email" name="email" type="email" autocomplete="email" required maxlength="254">
<label for="pw">Password</label><input id="pw" name="password" type="password" autocomplete="current-password" required maxlength="128">
<button type="submit">Sign in</button></form>{providers}
<p><a href="/auth/register">Create an account</a> · <a href="/auth/forgot">Forgot your password?</a></p>"""


def _login_body(request: Request, message: str | None = None) -> str:
    links = "".join(f'<li><a href="/auth/oidc/{escape(n)}/start">Sign in with {escape(n.title())}</a></li>'
                    for n in oidc.providers(app_state(request.app).auth))
    return LOGIN_FORM.replace("{alert}", _alert(message)).replace(
        "{providers}", f"<ul>{links}</ul>" if links else "")


@router.get("/auth/login", response_class=HTMLResponse)
async def login_form(request: Request) -> HTMLResponse:
    return _form_page(request, "Sign in", _login_body(request))


@router.post("/auth/login")
async def login_submit(request: Request, csrf: str = Form(max_length=100),
                       email: str = Form(max_length=254), password: str = Form(max_length=128)) -> Response:
    if not _checked(request, csrf):
        return _form_page(request, "Sign in", _login_body(request, "The form expired; try again."), 400)
    rt = app_state(request.app).auth
    try:
        outcome = await service.login(rt, email, password, device_of(request))
    except DomainError as e:
        return _form_page(request, "Sign in", _login_body(request, e.message), 400)
    if outcome.challenge:
        return RedirectResponse(f"/auth/two-factor?{urlencode({'challenge': outcome.challenge})}", 303)
    assert outcome.tokens is not None
    response = RedirectResponse("/", status_code=303)
    set_session_cookies(response, request, outcome.tokens, rt.settings.auth)
    return response


REGISTER_FORM = """{alert}<form method="post" action="/auth/register">
<input type="hidden" name="csrf" value="{csrf}">
<label for="name">Display name</label><input id="name" name="display_name" required maxlength="50" autocomplete="nickname">
<label for="email">Email</label><input id="email" name="email" type="email" required maxlength="254" autocomplete="email">
<label for="pw">Password (10+ characters, letters and digits)</label><input id="pw" name="password" type="password" required minlength="10" maxlength="128" autocomplete="new-password">
<button type="submit">Create account</button></form>"""


@router.get("/auth/register", response_class=HTMLResponse)
async def register_form(request: Request) -> HTMLResponse:
    return _form_page(request, "Create an account", REGISTER_FORM.replace("{alert}", ""))


@router.post("/auth/register", response_class=HTMLResponse)
async def register_submit(request: Request, csrf: str = Form(max_length=100),
                          display_name: str = Form(max_length=100), email: str = Form(max_length=254),
                          password: str = Form(max_length=128)) -> HTMLResponse:
    if not _checked(request, csrf):
        return _form_page(request, "Create an account",
                          REGISTER_FORM.replace("{alert}", _alert("The form expired; try again.")), 400)
    try:
        await service.register(app_state(request.app).auth, email, password, display_name)
    except DomainError as e:
        return _form_page(request, "Create an account",
                          REGISTER_FORM.replace("{alert}", _alert(e.message)), 400)
    return page("Check your inbox", "<p>If that address can be used, a message is on its way. "
                "Follow its link to confirm your address, then sign in.</p>")


FORGOT_FORM = """{alert}<form method="post" action="/auth/forgot">
<input type="hidden" name="csrf" value="{csrf}">
<label for="email">Email</label><input id="email" name="email" type="email" required maxlength="254" autocomplete="email">
<button type="submit">Send a reset link</button></form>"""


@router.get("/auth/forgot", response_class=HTMLResponse)
async def forgot_form(request: Request) -> HTMLResponse:
    return _form_page(request, "Forgot your password?", FORGOT_FORM.replace("{alert}", ""))


@router.post("/auth/forgot", response_class=HTMLResponse)
async def forgot_submit(request: Request, csrf: str = Form(max_length=100),
                        email: str = Form(max_length=254)) -> HTMLResponse:
    if not _checked(request, csrf):
        return _form_page(request, "Forgot your password?",
                          FORGOT_FORM.replace("{alert}", _alert("The form expired; try again.")), 400)
    try:
        await service.request_password_reset(app_state(request.app).auth, email)
    except DomainError as e:
        return _form_page(request, "Forgot your password?",
                          FORGOT_FORM.replace("{alert}", _alert(e.message)), 400)
    return page("Check your inbox", "<p>If that address has an account, a reset link is on its way.</p>")


@router.post("/auth/logout")
async def logout(request: Request, csrf: str = Form(max_length=100)) -> Response:
    if not _checked(request, csrf):
        return page("Not signed out", '<p role="alert">The form expired; try again.</p>', 400)
    rt = app_state(request.app).auth
    p = (await identify(rt, request, csrf_checked=True)).principal
    if p is not None and p.session:
        await service.revoke(rt, p.user, p.session)
    response = RedirectResponse("/", status_code=303)
    clear_session_cookies(response)
    return response
