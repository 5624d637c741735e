"""The browser pages: sign up, confirm, sign in, sign out, each form protected from CSRF."""

import re
from collections.abc import Awaitable, Callable

import httpx
from fastapi import FastAPI

from ..mailbox import Mailbox, link_token
from .helpers import PASSWORD, new_email


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, html[:500]
    return found.group(1)


async def test_browser_sign_up_sign_in_sign_out(
    app: FastAPI, smtp: Mailbox, run_jobs: Callable[[], Awaitable[None]]
) -> None:
    email = new_email()
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="https://test") as browser:
        form = await browser.get("/auth/register")
        bad = await browser.post("/auth/register", data={
            "csrf": csrf_of(form.text), "display_name": "Pat", "email": "nope", "password": PASSWORD})
        assert bad.status_code == 400 and "Enter a valid email address" in bad.text
        done = await browser.post("/auth/register", data={
            "csrf": csrf_of(bad.text), "display_name": "Pat", "email": email, "password": PASSWORD})
        assert "Check your inbox" in done.text
        await run_jobs()
        [message] = await smtp.wait_for(email)
        assert (await browser.get("/auth/verify", params={"token": link_token(message, "/auth/verify")})
                ).status_code == 200

        login = await browser.get("/auth/login")
        wrong = await browser.post("/auth/login", data={
            "csrf": csrf_of(login.text), "email": email, "password": "not-the-password-1"})
        assert wrong.status_code == 400 and "Invalid email or password" in wrong.text
        ok = await browser.post("/auth/login", data={
            "csrf": csrf_of(wrong.text), "email": email, "password": PASSWORD})
        assert ok.status_code == 303 and "rg_access" in browser.cookies
        home = await browser.get("/")
        assert "Sign out" in home.text

        out = await browser.post("/auth/logout", data={"csrf": csrf_of(home.text)})
        assert out.status_code == 303 and "rg_access" not in browser.cookies
        assert "Sign in" in (await browser.get("/")).text


async def test_forms_refuse_posts_from_other_sites(app: FastAPI) -> None:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="https://test") as browser:
        data = {"csrf": "guess", "email": "a@example.com", "password": PASSWORD}
        # a post with no cookie from our page (what another site's form sends) ...
        response = await browser.post("/auth/login", data=data)
        assert response.status_code == 400 and "The form expired" in response.text
        # ... or with our cookie but a field the other site had to guess
        await browser.get("/auth/login")
        response = await browser.post("/auth/login", data=data)
        assert response.status_code == 400 and "The form expired" in response.text
        assert "rg_access" not in browser.cookies
