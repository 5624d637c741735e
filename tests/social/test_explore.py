"""socialGraph, socialPath and suggestedFollows on a small friendship graph."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable

import httpx
from neo4j import AsyncDriver
from redis.asyncio import Redis

from app.activity import repository as ratings
from app.social import service as social
from graph_model import Media

from ..accounts.helpers import gql, signed_up
from ..mailbox import Mailbox
from .test_feed import account


async def befriend(driver: AsyncDriver, a: str, b: str) -> None:
    for x, y in ((a, b), (b, a)):
        if (await social.follow(driver, x, y))["status"] == "REQUESTED":
            await social.answer(driver, y, x, approve=True)


async def test_explorer(api: httpx.AsyncClient, smtp: Mailbox, driver: AsyncDriver, redis: Redis,
                        run_jobs: Callable[[], Awaitable[None]]) -> None:
    _, login = await signed_up(api, smtp, run_jobs)
    token = login["accessToken"]
    me = (await gql(api, "{ me { id activeProfile { id } } }", token=token))["data"]["me"]
    a, b, c, e, x = [await account(n, "public") for n in ("Ann", "Bob", "Cat", "Eve", "Xan")]
    d = await account("Dee", "friends")  # a friend of Ann's, not of mine: not shown
    for one, two in ((me["id"], a[0].uid), (me["id"], b[0].uid), (a[0].uid, c[0].uid), (b[0].uid, c[0].uid),
                     (a[0].uid, d[0].uid), (c[0].uid, e[0].uid), (a[0].uid, x[0].uid)):
        await befriend(driver, one, two)
    await social.block(driver, redis, me["id"], x[0].uid)
    tag = uuid.uuid4().hex[:6]
    films = [await Media(type="movie", title=f"Ex {n} {tag}").save() for n in range(3)]
    for film, mine, cats in zip(films, (9, 2, 7), (10, 1, 8)):
        await ratings.rate(driver, me["id"], me["activeProfile"]["id"], film.uid, mine)
        await ratings.rate(driver, c[0].uid, c[1].uid, film.uid, cats)

    graph = """query($d: Int!) { socialGraph(depth: $d) { people { userId distance isFriend mutualFriends
      similarity compatibility } edges { a b } } }"""
    by_depth = {}
    for depth in (1, 2, 3):
        got = (await gql(api, graph, token=token, d=depth))["data"]["socialGraph"]
        by_depth[depth] = {p["userId"]: p for p in got["people"]}
        if depth == 2:
            edges = {frozenset((e_["a"], e_["b"])) for e_ in got["edges"]}
    assert set(by_depth[1]) == {a[0].uid, b[0].uid}
    assert set(by_depth[2]) == {a[0].uid, b[0].uid, c[0].uid}  # not Dee (hidden), not Xan (blocked)
    assert set(by_depth[3]) == {a[0].uid, b[0].uid, c[0].uid, e[0].uid}
    assert edges == {frozenset((me["id"], a[0].uid)), frozenset((me["id"], b[0].uid)),
                     frozenset((a[0].uid, c[0].uid)), frozenset((b[0].uid, c[0].uid))}
    cat = by_depth[2][c[0].uid]
    assert cat["distance"] == 2 and not cat["isFriend"] and cat["mutualFriends"] == 2
    # Pearson of (9, 2, 7) and (10, 1, 8) is 0.9983; shrunk by 3 / (3 + 10)
    assert abs(cat["similarity"] - 0.9983 * 3 / 13) < 1e-3 and cat["compatibility"] == 62

    path = (await gql(api, "query($u: ID!) { socialPath(userId: $u) { userId distance } }", token=token,
                      u=e[0].uid))["data"]["socialPath"]
    assert [p["distance"] for p in path] == [1, 2, 3] and path[1]["userId"] == c[0].uid
    assert path[0]["userId"] in (a[0].uid, b[0].uid) and path[-1]["userId"] == e[0].uid
    hidden = (await gql(api, "query($u: ID!) { socialPath(userId: $u) { userId } }", token=token,
                        u=d[0].uid))["data"]["socialPath"]
    assert hidden == []

    suggested = (await gql(api, "{ suggestedFollows { person { userId mutualFriends } reason } }",
                           token=token))["data"]["suggestedFollows"]
    assert suggested[0]["person"] == {"userId": c[0].uid, "mutualFriends": 2}
    assert suggested[0]["reason"].startswith("Friends with Ann") and "62% compatible" in suggested[0]["reason"]
    assert e[0].uid not in {s["person"]["userId"] for s in suggested}  # three steps away
    bad = await gql(api, "{ socialGraph(depth: 4) { edges { a } } }", token=token)
    assert bad["errors"][0]["extensions"]["field"] == "depth"
    for film in films:
        await film.delete()
