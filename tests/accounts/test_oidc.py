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
import pyotp
import pytest
from neo4j import AsyncDriver

from ..conftest import OIDC_CLIENT
from ..mailbox import Mailbox
from .helpers import LOGIN, gql, new_email, register, signed_up

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
    # An address the provider has not verified is ignored: no link, and no answer that
    # would tell whether it is registered. It becomes a separate account without email.
    other = await sign_in_at_provider(api, provider, f"unverified+{email}")
    assert (await me_via_cookies(api, other))["data"]["me"] == {"email": None, "emailVerified": False}
    api.cookies.clear()
    answer = await sign_in_at_provider(api, provider, email)
    assert (await me_via_cookies(api, answer))["data"]["me"]["email"] == email
    records, _, _ = await driver.execute_query(
        "MATCH (u:User {email: $e}) OPTIONAL MATCH (u)-[:HAS_IDENTITY]->(i) "
        "RETURN count(DISTINCT u) AS users, count(i) AS identities", e=email)
    assert records[0].data() == {"users": 1, "identities": 1}


async def test_state_belongs_to_the_browser_and_is_single_use(api: httpx.AsyncClient, provider: str) -> None:
    # a callback link made in another browser (no state cookie here) is refused
    forged = await api.get("/auth/oidc/test/callback", params={"code": "x", "state": "forged"})
    assert forged.status_code == 400 and "started in another browser" in forged.text
    start = await api.get("/auth/oidc/test/start")
    state = start.cookies["rg_oidc_state"]
    first = await api.get("/auth/oidc/test/callback", params={"code": "bogus", "state": state})
    assert first.status_code == 400 and "refused the code" in first.text
    api.cookies.set("rg_oidc_state", state, domain="test", path="/auth/oidc")
    second = await api.get("/auth/oidc/test/callback", params={"code": "bogus", "state": state})
    assert second.status_code == 400 and "expired or was already used" in second.text
    unknown = await api.get("/auth/oidc/nope/start")
    assert unknown.status_code == 400 and re.search("No sign-in provider named", unknown.text)


async def test_provider_sign_in_still_asks_for_the_second_factor(
    api: httpx.AsyncClient, provider: str, smtp: Mailbox, run_jobs: Callable[[], Awaitable[None]]
) -> None:
    email, tokens = await signed_up(api, smtp, run_jobs)
    t = tokens["accessToken"]
    secret = (await gql(api, "mutation { startTwoFactorSetup { secret } }", token=t)
              )["data"]["startTwoFactorSetup"]["secret"]
    await gql(api, "mutation($c: String!) { confirmTwoFactor(code: $c) }", token=t,
              c=pyotp.TOTP(secret).now())
    answer = await sign_in_at_provider(api, provider, email)
    assert answer.status_code == 303 and answer.headers["location"].startswith("/auth/two-factor?")
    assert "rg_access" not in answer.cookies
    challenge = answer.headers["location"].split("challenge=", 1)[1]
    wrong = await api.post("/auth/two-factor", data={"challenge": challenge, "code": "000000"})
    assert wrong.status_code == 400
    code = pyotp.TOTP(secret).at(time.time() + 30)
    done = await api.post("/auth/two-factor", data={"challenge": challenge, "code": code})
    assert done.status_code == 303 and "rg_access" in done.cookies


async def test_a_provider_email_claims_an_unverified_account(
    api: httpx.AsyncClient, provider: str, driver: AsyncDriver
) -> None:
    # someone registered the victim's address first and set a password they know ...
    email = new_email()
    await register(api, email, password="squatter-pass-1")
    # ... then the real owner signs in through a provider that verified the address
    answer = await sign_in_at_provider(api, provider, email)
    assert (await me_via_cookies(api, answer))["data"]["me"] == {"email": email, "emailVerified": True}
    login = await gql(api, LOGIN, email=email, pw="squatter-pass-1")
    assert login["errors"][0]["message"] == "Invalid email or password"
