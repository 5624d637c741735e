"""API tokens: shown once, scoped, refused at once when revoked."""

from collections.abc import Awaitable, Callable

import httpx
from neo4j import AsyncDriver

from ..mailbox import Mailbox
from .helpers import gql, signed_up

CREATE = """mutation($n: String!, $s: [String!]!) {
  createApiToken(name: $n, scopes: $s) { token apiToken { id name prefix scopes lastUsedAt } } }"""


async def test_token_life_cycle(api: httpx.AsyncClient, smtp: Mailbox,
                                run_jobs: Callable[[], Awaitable[None]], driver: AsyncDriver) -> None:
    _, tokens = await signed_up(api, smtp, run_jobs)
    session = tokens["accessToken"]
    created = (await gql(api, CREATE, token=session, n="Browser extension", s=["read"]))["data"]["createApiToken"]
    token, row = created["token"], created["apiToken"]
    assert token.startswith("rg_") and row["prefix"] == token[:10] and row["scopes"] == ["read"]
    # only a hash is stored
    records, _, _ = await driver.execute_query(
        "MATCH (t:ApiToken {uid: $id}) RETURN t.token_hash AS h, properties(t) AS p", id=row["id"])
    assert token not in str(records[0]["p"]) and len(records[0]["h"]) == 64

    me = await gql(api, "{ me { email } }", token=token)
    assert me["data"]["me"]["email"]
    listed = (await gql(api, "{ myApiTokens { id lastUsedAt } }", token=session))["data"]["myApiTokens"]
    assert listed[0]["id"] == row["id"] and listed[0]["lastUsedAt"] is not None

    # a token cannot manage the account
    denied = await gql(api, CREATE, token=token, n="escalate", s=["write:lists"])
    assert "not an API token" in denied["errors"][0]["message"]

    assert (await gql(api, "mutation($id: ID!) { revokeApiToken(id: $id) }", token=session,
                      id=row["id"]))["data"]["revokeApiToken"] is True
    refused = await gql(api, "{ me { email } }", token=token)
    assert refused["errors"][0]["message"] == "This API token is not valid or was revoked"


async def test_token_input_is_checked(api: httpx.AsyncClient, smtp: Mailbox,
                                      run_jobs: Callable[[], Awaitable[None]]) -> None:
    _, tokens = await signed_up(api, smtp, run_jobs)
    bad_scope = await gql(api, CREATE, token=tokens["accessToken"], n="x", s=["admin"])
    assert bad_scope["errors"][0]["extensions"]["field"] == "scopes"
    bad_name = await gql(api, CREATE, token=tokens["accessToken"], n="", s=["read"])
    assert bad_name["errors"][0]["extensions"]["field"] == "name"
    assert (await gql(api, "{ myApiTokens { id } }", token=tokens["accessToken"]))["data"]["myApiTokens"] == []
