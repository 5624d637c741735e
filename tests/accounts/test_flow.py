"""Registration -> email -> verify -> login -> refresh -> revoke, over real Neo4j, Redis and SMTP."""

from collections.abc import Awaitable, Callable

import httpx
from neo4j import AsyncDriver

from ..mailbox import Mailbox, link_token
from .helpers import LOGIN, PASSWORD, gql, new_email, register, signed_up

ME = "{ me { email emailVerified displayName activeProfile { name isPrimary } } }"
REFRESH = "mutation($t: String!) { refresh(refreshToken: $t) { accessToken refreshToken } }"


async def test_register_verify_login_refresh_revoke(
    api: httpx.AsyncClient, smtp: Mailbox, run_jobs: Callable[[], Awaitable[None]], driver: AsyncDriver
) -> None:
    email = new_email()
    body = await register(api, email)
    assert "check your inbox" in body["data"]["register"]["message"]

    # Not yet verified: signing in explains what is missing.
    body = await gql(api, LOGIN, email=email, pw=PASSWORD)
    assert "Verify your email" in body["errors"][0]["message"]

    await run_jobs()
    [message] = await smtp.wait_for(email)
    assert message["Subject"] == "Confirm your Reelgraph email"
    token = link_token(message, "/auth/verify")
    assert (await api.get("/auth/verify", params={"token": token})).status_code == 200
    assert (await api.get("/auth/verify", params={"token": token})).status_code == 400  # single use

    tokens = (await gql(api, LOGIN, email=email, pw=PASSWORD))["data"]["login"]
    assert tokens["expiresIn"] == 900 and not tokens["twoFactorRequired"]
    me = (await gql(api, ME, token=tokens["accessToken"]))["data"]["me"]
    assert me == {"email": email, "emailVerified": True, "displayName": "Test Person",
                  "activeProfile": {"name": "Test Person", "isPrimary": True}}
    # the new profile got its system lists
    records, _, _ = await driver.execute_query("""
        MATCH (:User {email: $e})-[:HAS_PROFILE]->(:Profile)-[:OWNS]->(l:List {is_system: true})
        RETURN collect(l.name) AS names""", e=email)
    assert sorted(records[0]["names"]) == ["Completed", "Favorites", "To Watch", "Watching"]

    rotated = (await gql(api, REFRESH, t=tokens["refreshToken"]))["data"]["refresh"]
    assert rotated["refreshToken"] != tokens["refreshToken"]
    assert (await gql(api, ME, token=rotated["accessToken"]))["data"]["me"]["email"] == email

    sessions = (await gql(api, "{ mySessions { id current } }", token=rotated["accessToken"]))
    [current] = [s for s in sessions["data"]["mySessions"] if s["current"]]
    revoked = await gql(api, "mutation($id: ID!) { revokeSession(id: $id) }",
                        token=rotated["accessToken"], id=current["id"])
    assert revoked["data"]["revokeSession"] is True
    # refused at once: the access token of the revoked session, and its refresh token
    after = await gql(api, ME, token=rotated["accessToken"])
    assert after["errors"][0]["message"] == "This session was signed out"
    again = await gql(api, REFRESH, t=rotated["refreshToken"])
    assert again["errors"][0]["message"] == "Invalid or expired refresh token"


async def test_refresh_token_reuse_signs_the_session_out(
    api: httpx.AsyncClient, smtp: Mailbox, run_jobs: Callable[[], Awaitable[None]]
) -> None:
    email, tokens = await signed_up(api, smtp, run_jobs)
    first = (await gql(api, REFRESH, t=tokens["refreshToken"]))["data"]["refresh"]
    # the spent token comes back (a stolen copy): the whole session ends
    replay = await gql(api, REFRESH, t=tokens["refreshToken"])
    assert "already used" in replay["errors"][0]["message"]
    # ... including the legitimate holder's newer tokens
    assert (await gql(api, REFRESH, t=first["refreshToken"]))["errors"]
    assert (await gql(api, ME, token=first["accessToken"]))["errors"][0]["message"] == \
        "This session was signed out"
    fresh = (await gql(api, LOGIN, email=email, pw=PASSWORD))["data"]["login"]
    log = await gql(api, "{ auditLog { kind } }", token=fresh["accessToken"])
    assert "refresh_token_reuse" in [e["kind"] for e in log["data"]["auditLog"]]


async def test_logout_everywhere(api: httpx.AsyncClient, smtp: Mailbox,
                                 run_jobs: Callable[[], Awaitable[None]]) -> None:
    email, first = await signed_up(api, smtp, run_jobs)
    second = (await gql(api, LOGIN, email=email, pw=PASSWORD))["data"]["login"]
    count = await gql(api, "mutation { logoutEverywhere }", token=second["accessToken"])
    assert count["data"]["logoutEverywhere"] == 2
    for t in (first, second):
        assert (await gql(api, ME, token=t["accessToken"]))["errors"]
        assert (await gql(api, REFRESH, t=t["refreshToken"]))["errors"]


async def test_password_reset_by_single_use_link(
    api: httpx.AsyncClient, smtp: Mailbox, run_jobs: Callable[[], Awaitable[None]]
) -> None:
    email, tokens = await signed_up(api, smtp, run_jobs)
    api_token = (await gql(api, 'mutation { createApiToken(name: "cli", scopes: ["read"]) { token } }',
                           token=tokens["accessToken"]))["data"]["createApiToken"]["token"]
    for _ in range(2):
        await gql(api, "mutation($e: String!) { requestPasswordReset(email: $e) { message } }", e=email)
        await run_jobs()
    older, message = (await smtp.wait_for(email, count=3))[-2:]
    # only the newest link works
    stale = await api.post("/auth/reset", data={"token": link_token(older, "/auth/reset"),
                                                "new_password": "brand-new-secret-7"})
    assert stale.status_code == 400
    token = link_token(message, "/auth/reset")
    form = await api.get("/auth/reset", params={"token": token})
    assert 'name="new_password"' in form.text
    weak = await api.post("/auth/reset", data={"token": token, "new_password": "short"})
    assert weak.status_code == 400 and "Password must be 10-128 characters" in weak.text
    done = await api.post("/auth/reset", data={"token": token, "new_password": "brand-new-secret-7"})
    assert done.status_code == 200
    reused = await api.post("/auth/reset", data={"token": token, "new_password": "another-secret-8"})
    assert reused.status_code == 400
    assert (await gql(api, LOGIN, email=email, pw=PASSWORD))["errors"][0]["message"] == \
        "Invalid email or password"
    assert (await gql(api, LOGIN, email=email, pw="brand-new-secret-7"))["data"]["login"]["accessToken"]
    # every earlier session and API token was signed out
    assert (await gql(api, ME, token=tokens["accessToken"]))["errors"]
    assert (await gql(api, ME, token=api_token))["errors"][0]["message"] == \
        "This API token is not valid or was revoked"
