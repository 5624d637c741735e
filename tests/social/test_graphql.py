"""The social fields through GraphQL: who may call them, what they return, bad input."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import httpx
from neo4j import AsyncDriver
from redis.asyncio import Redis

from app.social import feed

from ..accounts.helpers import gql, signed_up
from ..mailbox import Mailbox

ME = "{ me { id activeProfile { id } } }"
FEED = """query($after: String) { friendActivity(first: 1, after: $after) {
  edges { cursor node { kind count rating actor { name userId } media { title } at } }
  pageInfo { hasNextPage endCursor } } }"""


async def test_follow_rate_and_read_the_feed(api: httpx.AsyncClient, smtp: Mailbox, driver: AsyncDriver,
                                            redis: Redis, run_jobs: Callable[[], Awaitable[None]],
                                            movielens_catalog: object) -> None:
    _, a = await signed_up(api, smtp, run_jobs)
    _, b = await signed_up(api, smtp, run_jobs)
    a_token, b_token = a["accessToken"], b["accessToken"]
    a_id = (await gql(api, ME, token=a_token))["data"]["me"]["id"]
    b_id = (await gql(api, ME, token=b_token))["data"]["me"]["id"]
    # a's main profile is friends-only by default: b's follow waits for a's answer
    asked = await gql(api, "mutation($u: ID!) { followUser(userId: $u) { userId status } }", token=b_token, u=a_id)
    assert asked["data"]["followUser"] == {"userId": a_id, "status": "REQUESTED"}
    pending = await gql(api, "{ followRequests { userId } }", token=a_token)
    assert pending["data"]["followRequests"] == [{"userId": b_id}]
    for token, who, mutation in ((a_token, b_id, "approveFollowRequest"), (a_token, b_id, "followUser"),
                                 (b_token, a_id, "approveFollowRequest")):
        body = await gql(api, f"mutation($u: ID!) {{ {mutation}(userId: $u) {{ __typename }} }}"
                         if mutation == "followUser" else f"mutation($u: ID!) {{ {mutation}(userId: $u) }}",
                         token=token, u=who)
        assert "errors" not in body, body
    friends = await gql(api, "{ friends { userId name } }", token=b_token)
    assert [f["userId"] for f in friends["data"]["friends"]] == [a_id]

    titles = await gql(api, '{ mediaList(filter: {titlePrefix: "toy story"}, first: 2) { edges { node { id title } } } }')
    for edge in titles["data"]["mediaList"]["edges"]:
        await gql(api, "mutation($m: ID!) { rateMedia(mediaId: $m, rating: 9) { rating } }", token=a_token,
                  m=edge["node"]["id"])
    await feed.record_events(driver, redis)
    first = (await gql(api, FEED, token=b_token))["data"]["friendActivity"]
    assert first["pageInfo"]["hasNextPage"] and len(first["edges"]) == 1
    node = first["edges"][0]["node"]
    assert node["kind"] == "RATED" and node["rating"] == 9 and node["actor"]["userId"] == a_id
    second = (await gql(api, FEED, token=b_token, after=first["pageInfo"]["endCursor"]))["data"]["friendActivity"]
    assert second["edges"][0]["node"]["media"]["title"] != node["media"]["title"]
    assert {node["media"]["title"], second["edges"][0]["node"]["media"]["title"]} == \
        {e["node"]["title"] for e in titles["data"]["mediaList"]["edges"]}

    # blocking ends it: no friends, no feed, no new follow
    assert (await gql(api, "mutation($u: ID!) { blockUser(userId: $u) }", token=a_token, u=b_id))["data"]["blockUser"]
    assert (await gql(api, "{ friends { userId } }", token=b_token))["data"]["friends"] == []
    assert (await gql(api, FEED, token=b_token))["data"]["friendActivity"]["edges"] == []
    again = await gql(api, "mutation($u: ID!) { followUser(userId: $u) { status } }", token=b_token, u=a_id)
    assert again["errors"][0]["extensions"]["field"] == "userId"


async def test_bad_input_and_anonymous_callers(api: httpx.AsyncClient, smtp: Mailbox,
                                              run_jobs: Callable[[], Awaitable[None]]) -> None:
    _, a = await signed_up(api, smtp, run_jobs)
    token = a["accessToken"]
    me = (await gql(api, ME, token=token))["data"]["me"]["id"]
    own = await gql(api, "mutation($u: ID!) { followUser(userId: $u) { status } }", token=token, u=me)
    assert own["errors"][0]["extensions"]["field"] == "userId"
    long_id = await gql(api, f'mutation {{ followUser(userId: "{"x" * 80}") {{ status }} }}', token=token)
    assert long_id["errors"][0]["extensions"]["field"] == "userId"
    cursor = await gql(api, '{ friendActivity(after: "nonsense") { edges { cursor } } }', token=token)
    assert cursor["errors"][0]["extensions"]["field"] == "after"
    page = await gql(api, "{ friendActivity(first: 0) { edges { cursor } } }", token=token)
    assert page["errors"][0]["extensions"]["field"] == "first"
    anonymous = await gql(api, "{ friendActivity { edges { cursor } } }")
    assert "Sign in" in anonymous["errors"][0]["message"]
