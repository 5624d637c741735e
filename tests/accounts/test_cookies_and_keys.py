"""Web sessions ride on HttpOnly cookies with a CSRF header; signing keys rotate without logouts."""

import os
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import httpx
import jwt
from fastapi import FastAPI

from app.accounts.keys import KeyRing
from app.settings import Settings

from ..mailbox import Mailbox
from .helpers import PASSWORD, gql, signed_up

ROOT = Path(__file__).resolve().parents[2]


async def test_cookie_session_needs_the_csrf_header(
    app: FastAPI, smtp: Mailbox, run_jobs: Callable[[], Awaitable[None]], api: httpx.AsyncClient
) -> None:
    email, _ = await signed_up(api, smtp, run_jobs)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="https://test") as browser:
        login = await browser.post("/graphql", json={"query": """mutation($e: String!, $p: String!) {
            login(input: {email: $e, password: $p}, useCookie: true) { accessToken expiresIn } }""",
            "variables": {"e": email, "p": PASSWORD}})
        assert login.json()["data"]["login"] == {"accessToken": None, "expiresIn": 900}
        cookies = {c.name: c for c in browser.cookies.jar}
        assert {"rg_access", "rg_refresh", "rg_csrf"} <= cookies.keys()
        set_cookie = " ".join(login.headers.get_list("set-cookie"))
        assert "rg_access=" in set_cookie and "HttpOnly" in set_cookie and "Secure" in set_cookie

        me = {"query": "{ me { email } }"}
        forged = await browser.post("/graphql", json=me)  # what a cross-site form could send
        assert forged.json()["errors"][0]["message"] == "Missing or wrong X-CSRF-Token header"
        csrf = {"X-CSRF-Token": cookies["rg_csrf"].value}
        ok = await browser.post("/graphql", json=me, headers=csrf)
        assert ok.json()["data"]["me"]["email"] == email
        # a GET query needs no CSRF header (it cannot change anything)
        got = await browser.get("/graphql", params={"query": "{ me { email } }"})
        assert got.json()["data"]["me"]["email"] == email

        refreshed = await browser.post("/graphql", headers=csrf,
                                       json={"query": "mutation { refresh { expiresIn } }"})
        assert refreshed.json()["data"]["refresh"]["expiresIn"] == 900, refreshed.json()
        assert (await browser.post("/graphql", json={"query": "mutation { logout }"},
                                   headers=csrf)).json()["data"]["logout"] is True
        assert "rg_access" not in {c.name for c in browser.cookies.jar}


async def test_key_rotation_keeps_sessions(api: httpx.AsyncClient, smtp: Mailbox, settings: Settings,
                                           run_jobs: Callable[[], Awaitable[None]]) -> None:
    _, tokens = await signed_up(api, smtp, run_jobs)
    old_kid = jwt.get_unverified_header(tokens["accessToken"])["kid"]
    env = {**os.environ, "REELGRAPH_STATE": settings.state_dir, "NEO4J_PASSWORD": "unused"}
    out = subprocess.run([sys.executable, "-m", "app.cli", "rotate-keys"], cwd=ROOT, env=env,
                         check=True, capture_output=True, text=True).stdout
    assert out.startswith("new signing key ")
    # the old token still works; new tokens carry the new key id
    assert (await gql(api, "{ me { email } }", token=tokens["accessToken"]))["data"]["me"]
    fresh = (await gql(api, "mutation($t: String!) { refresh(refreshToken: $t) { accessToken } }",
                       t=tokens["refreshToken"]))["data"]["refresh"]["accessToken"]
    new_kid = jwt.get_unverified_header(fresh)["kid"]
    assert new_kid != old_kid
    kids = {k["kid"] for k in (await api.get("/.well-known/jwks.json")).json()["keys"]}
    assert {old_kid, new_kid} <= kids
    assert (await gql(api, "{ me { email } }", token=fresh))["data"]["me"]


def test_retire_drops_only_keys_replaced_a_token_lifetime_ago(tmp_path: Path) -> None:
    ring = KeyRing(tmp_path)
    first = ring.current().kid
    second = ring.rotate()
    assert ring.retire(960) == []  # the first key signed until a moment ago
    assert ring.get(first) is not None and ring.current().kid == second
    replaced_at = time.time() - 1000  # as if the second key appeared 1000 s ago
    os.utime(tmp_path / f"{second}.pem", (replaced_at, replaced_at))
    (tmp_path / f"{first}.pem").touch()
    os.utime(tmp_path / f"{first}.pem", (replaced_at - 10, replaced_at - 10))
    assert ring.retire(960) == [first]
    assert ring.get(first) is None and ring.current().kid == second
