"""Subscriptions over graphql-transport-ws against a real uvicorn server and Redis pub/sub."""

from __future__ import annotations

import asyncio
import json
import socket
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import httpx
import pytest
import uvicorn
import websockets
from fastapi import FastAPI

from ..accounts.helpers import gql, signed_up
from ..mailbox import Mailbox

ACTIVITY = "subscription { activity { kind title rating actor { name userId } } }"


@pytest.fixture(scope="session")
async def ws_url(app: FastAPI) -> AsyncIterator[str]:
    """The test app (its services already started) behind a real uvicorn on a free port."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, lifespan="off",
                                           log_level="warning"))
    task = asyncio.create_task(server.serve())
    while not server.started:
        await asyncio.sleep(0.02)
    yield f"ws://127.0.0.1:{port}/graphql"
    server.should_exit = True
    await task


async def subscribe(url: str, token: str, query: str) -> Any:
    ws = await websockets.connect(url, subprotocols=[websockets.Subprotocol("graphql-transport-ws")])
    await ws.send(json.dumps({"type": "connection_init", "payload": {"authorization": f"Bearer {token}"}}))
    assert json.loads(await ws.recv())["type"] == "connection_ack"
    await ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": query}}))
    return ws


async def next_payload(ws: Any, timeout: float = 5.0) -> dict[str, Any]:
    message = json.loads(await asyncio.wait_for(ws.recv(), timeout))
    assert message["type"] == "next", message
    return dict(message["payload"])


async def test_a_friend_event_arrives_and_a_private_one_never(
        api: httpx.AsyncClient, smtp: Mailbox, run_jobs: Callable[[], Awaitable[None]], ws_url: str) -> None:
    tokens, ids = [], []
    for _ in range(3):
        _, login = await signed_up(api, smtp, run_jobs)
        tokens.append(login["accessToken"])
        ids.append((await gql(api, "{ me { id activeProfile { id } } }", token=login["accessToken"]))["data"]["me"])
    actor, private_actor, viewer = tokens
    # the first actor's main profile is public; the second's private. The viewer follows both
    await gql(api, 'mutation($p: ID!) { updateProfile(id: $p, input: {privacy: PUBLIC}) { privacy } }',
              token=actor, p=ids[0]["activeProfile"]["id"])
    await gql(api, 'mutation($p: ID!) { updateProfile(id: $p, input: {privacy: PRIVATE}) { privacy } }',
              token=private_actor, p=ids[1]["activeProfile"]["id"])
    assert (await gql(api, "mutation($u: ID!) { followUser(userId: $u) { status } }", token=viewer,
                      u=ids[0]["id"]))["data"]["followUser"]["status"] == "FOLLOWING"
    await gql(api, "mutation($u: ID!) { followUser(userId: $u) { status } }", token=viewer, u=ids[1]["id"])
    await gql(api, "mutation($u: ID!) { approveFollowRequest(userId: $u) }", token=private_actor, u=ids[2]["id"])

    ws = await subscribe(ws_url, viewer, ACTIVITY)
    stranger_ws = await subscribe(ws_url, private_actor, ACTIVITY)  # follows no one
    try:
        await asyncio.sleep(0.3)  # the subscriptions are registered with the hub
        titles = await gql(api, '{ mediaList(filter: {titlePrefix: "heat"}, first: 2) { edges { node { id title } } } }')
        first, second = [e["node"] for e in titles["data"]["mediaList"]["edges"]]

        async def rate(token: str, media: str, rating: int) -> None:
            body = await gql(api, "mutation($m: ID!, $r: Int!) { rateMedia(mediaId: $m, rating: $r) { rating } }",
                             token=token, m=media, r=rating)
            assert "errors" not in body, body

        await rate(private_actor, first["id"], 3)  # private: never delivered
        await rate(actor, second["id"], 8)
        got = (await next_payload(ws))["data"]["activity"]
        assert got == {"kind": "RATED", "title": second["title"], "rating": 8,
                       "actor": {"name": got["actor"]["name"], "userId": ids[0]["id"]}}
        with pytest.raises(TimeoutError):
            await next_payload(ws, timeout=1.0)
        with pytest.raises(TimeoutError):
            await next_payload(stranger_ws, timeout=0.5)
    finally:
        await ws.close()
        await stranger_ws.close()


async def test_a_subscription_needs_a_signed_in_viewer(ws_url: str) -> None:
    ws = await websockets.connect(ws_url, subprotocols=[websockets.Subprotocol("graphql-transport-ws")])
    try:
        await ws.send(json.dumps({"type": "connection_init", "payload": {}}))
        assert json.loads(await ws.recv())["type"] == "connection_ack"
        await ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": ACTIVITY}}))
        message = json.loads(await asyncio.wait_for(ws.recv(), 5))
        assert message["type"] in ("error", "next")
        errors = message["payload"] if message["type"] == "error" else message["payload"]["errors"]
        assert "Sign in" in json.dumps(errors)
    finally:
        await ws.close()


async def test_a_long_subscription_does_not_grow_memory(
        api: httpx.AsyncClient, smtp: Mailbox, run_jobs: Callable[[], Awaitable[None]], ws_url: str,
        redis: Any, driver: Any) -> None:
    """Soak: thousands of deliveries to one subscription. graphql-core 3.3.2 kept about a
    dozen objects per delivered event (app/graphql/executor.py guards against it)."""
    import gc

    from app import events

    _, actor_login = await signed_up(api, smtp, run_jobs)
    _, viewer_login = await signed_up(api, smtp, run_jobs)
    actor = (await gql(api, "{ me { id activeProfile { id } } }", token=actor_login["accessToken"]))["data"]["me"]
    await gql(api, 'mutation($p: ID!) { updateProfile(id: $p, input: {privacy: PUBLIC}) { privacy } }',
              token=actor_login["accessToken"], p=actor["activeProfile"]["id"])
    await gql(api, "mutation($u: ID!) { followUser(userId: $u) { status } }", token=viewer_login["accessToken"],
              u=actor["id"])
    records, _, _ = await driver.execute_query("MATCH (m:Media) WHERE m.movielens_id IS NOT NULL "
                                               "RETURN m.uid AS uid LIMIT 1")
    media = records[0]["uid"]
    ws = await subscribe(ws_url, viewer_login["accessToken"], ACTIVITY)
    try:
        await asyncio.sleep(0.3)

        async def deliver(n: int) -> None:
            for _ in range(n):
                await events.publish(redis, "media.rated", profile=actor["activeProfile"]["id"], media=media, rating=7)
            for _ in range(n):
                assert (await next_payload(ws))["data"]["activity"]["kind"] == "RATED"

        await deliver(300)  # warm-up: caches, pools, buffers
        gc.collect()
        before = len(gc.get_objects())
        await deliver(3000)
        gc.collect()
        growth = len(gc.get_objects()) - before
        assert growth < 3000, f"{growth} objects more after 3,000 events"  # the leak: ~36,000
    finally:
        await ws.close()


async def test_a_block_or_a_switch_to_private_stops_the_next_event(
        api: httpx.AsyncClient, smtp: Mailbox, run_jobs: Callable[[], Awaitable[None]], ws_url: str,
        redis: Any, driver: Any) -> None:
    """Revocation is not left to the periodic refresh. No sleeps: a sentinel account's
    events, published after the revoked one, mark where it would have arrived."""
    from app import events

    people = []
    for _ in range(4):
        _, login = await signed_up(api, smtp, run_jobs)
        me = (await gql(api, "{ me { id activeProfile { id } } }", token=login["accessToken"]))["data"]["me"]
        people.append((login["accessToken"], me["id"], me["activeProfile"]["id"]))
    viewer, blocker, switcher, sentinel = people
    for token, user, profile in (blocker, switcher, sentinel):
        await gql(api, 'mutation($p: ID!) { updateProfile(id: $p, input: {privacy: PUBLIC}) { privacy } }',
                  token=token, p=profile)
        await gql(api, "mutation($u: ID!) { followUser(userId: $u) { status } }", token=viewer[0], u=user)
    records, _, _ = await driver.execute_query("MATCH (m:Media) WHERE m.movielens_id IS NOT NULL "
                                               "RETURN m.uid AS uid LIMIT 1")
    media = records[0]["uid"]

    async def rated(who: tuple[str, str, str], rating: int) -> None:
        await events.publish(redis, "media.rated", profile=who[2], media=media, rating=rating)

    async def next_rating() -> dict[str, Any]:
        while True:  # probes (100+) that arrived late are skipped
            got = dict((await next_payload(ws))["data"]["activity"])
            if got["rating"] < 100:
                return got

    ws = await subscribe(ws_url, viewer[0], "subscription { activity { rating actor { userId } } }")
    try:
        for probe in range(100, 120):  # the first probe delivered: the subscription is registered
            await rated(sentinel, probe)
            try:
                await next_payload(ws, timeout=0.5)
                break
            except TimeoutError:
                continue
        for who, rating in ((blocker, 2), (switcher, 3)):
            await rated(who, rating)
            assert (await next_rating())["rating"] == rating
        assert (await gql(api, "mutation($u: ID!) { blockUser(userId: $u) }", token=blocker[0],
                          u=viewer[1]))["data"]["blockUser"] is True
        await gql(api, 'mutation($p: ID!) { updateProfile(id: $p, input: {privacy: PRIVATE}) { privacy } }',
                  token=switcher[0], p=switcher[2])
        await rated(blocker, 4)
        await rated(switcher, 5)
        await rated(sentinel, 6)
        got = await next_rating()
        assert (got["rating"], got["actor"]["userId"]) == (6, sentinel[1])
    finally:
        await ws.close()
