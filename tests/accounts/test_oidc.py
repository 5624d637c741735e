"""OpenID Connect sign-in against a real provider (the npm package oidc-provider)."""

import re
import shutil
import subprocess
import time
from collections.abc import Awaitable, Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from neo4j import AsyncDriver

from ..conftest import OIDC_CLIENT
from ..mailbox import Mailbox
from .helpers import gql, new_email, signed_up

HERE = Path(__file__).resolve().parent.parent / "oidc"
APP_URL = "https://reelgraph.test"


@pytest.fixture(scope="session")
def provider(oidc_port: int) -> Iterator[str]:
    if not shutil.which("node"):
        pytest.skip("Node.js is needed to run the OpenID provider")
    if not (HERE / "node_modules" / "oidc-provider").exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=HERE, check=True)
    issuer = f"http://127.0.0.1:{oidc_port}"
    proc = subprocess.Popen(["node", "provider.mjs", str(oidc_port), *OIDC_CLIENT,
                             f"{APP_URL}/auth/oidc/test/callback"], cwd=HERE,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 30
    while True:
        try:
            if httpx.get(f"{issuer}/.well-known/openid-configuration").status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(proc.stdout.read().decode() if proc.stdout else "provider failed")
        time.sleep(0.2)
    yield issuer
    proc.terminate()
    proc.wait(10)


class FormParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.action: str | None = None
        self.fields: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "form" and self.action is None:
            self.action = a.get("action")
        if tag == "input" and a.get("name"):
            self.fields[a["name"] or ""] = a.get("value") or ""


async def sign_in_at_provider(api: httpx.AsyncClient, issuer: str, login: str) -> httpx.Response:
    """Walks the provider's login and consent pages like a browser; returns the app's answer."""
    start = await api.get("/auth/oidc/test/start")
    assert start.status_code == 302
    location = start.headers["location"]
    assert location.startswith(f"{issuer}/auth?") and "code_challenge=" in location
    async with httpx.AsyncClient(follow_redirects=False) as browser:
        response = await browser.get(location)
        for _ in range(20):
            if response.is_redirect:
                location = str(response.headers["location"])
                if location.startswith(APP_URL):
                    parts = urlsplit(location)
                    return await api.get(f"{parts.path}?{parts.query}")
                response = await browser.get(httpx.URL(str(response.url)).join(location))
                continue
            form = FormParser()
            form.feed(response.text)
            assert form.action, response.text[:500]
            data = dict(form.fields)
            if "login" in data:
                data.update(login=login, password="any")
            response = await browser.post(httpx.URL(str(response.url)).join(form.action), data=data)
    raise AssertionError("the provider never sent the browser back")


async def me_via_cookies(api: httpx.AsyncClient, answer: httpx.Response) -> dict:
    assert answer.status_code == 303, answer.text
    cookies = {k: v for k, v in answer.cookies.items()}
    headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items()),
               "X-CSRF-Token": cookies["rg_csrf"]}
    response = await api.post("/graphql", json={"query": "{ me { email emailVerified } }"},
                              headers=headers)
    return response.json()


async def test_new_account_from_a_verified_provider_email(
    api: httpx.AsyncClient, provider: str, driver: AsyncDriver
) -> None:
    email = new_email()
    answer = await sign_in_at_provider(api, provider, email)
    me = await me_via_cookies(api, answer)
    assert me["data"]["me"] == {"email": email, "emailVerified": True}
    records, _, _ = await driver.execute_query(
        "MATCH (u:User {email: $e})-[:HAS_IDENTITY]->(i:Identity) RETURN i.key AS key, u.password_hash AS pw",
        e=email)
    assert records[0].data() == {"key": f"test|{email}", "pw": None}
    # signing in again finds the same account
    await sign_in_at_provider(api, provider, email)
    records, _, _ = await driver.execute_query("MATCH (u:User {email: $e}) RETURN count(u) AS n", e=email)
    assert records[0]["n"] == 1


async def test_links_to_an_existing_account_by_verified_email(
    api: httpx.AsyncClient, provider: str, smtp: Mailbox,
    run_jobs: Callable[[], Awaitable[None]], driver: AsyncDriver
) -> None:
    email, _ = await signed_up(api, smtp, run_jobs)
    refused = await sign_in_at_provider(api, provider, f"unverified+{email}")
    assert refused.status_code == 400 and "has not verified" in refused.text
    answer = await sign_in_at_provider(api, provider, email)
    assert (await me_via_cookies(api, answer))["data"]["me"]["email"] == email
    records, _, _ = await driver.execute_query(
        "MATCH (u:User {email: $e}) OPTIONAL MATCH (u)-[:HAS_IDENTITY]->(i) "
        "RETURN count(DISTINCT u) AS users, count(i) AS identities", e=email)
    assert records[0].data() == {"users": 1, "identities": 1}


async def test_state_is_single_use(api: httpx.AsyncClient, provider: str) -> None:
    answer = await api.get("/auth/oidc/test/callback", params={"code": "x", "state": "forged"})
    assert answer.status_code == 400 and "expired or was already used" in answer.text
    unknown = await api.get("/auth/oidc/nope/start")
    assert unknown.status_code == 400 and re.search("No sign-in provider named", unknown.text)
