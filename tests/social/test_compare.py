"""compareWith against figures worked out by hand on a small graph."""

from __future__ import annotations

import math
import uuid
from collections.abc import Awaitable, Callable

import httpx
import pytest
from neo4j import AsyncDriver
from redis.asyncio import Redis

from app.activity import service as activity
from app.kit.principal import Principal
from app.lists import service as lists
from app.social import service as social
from graph_model import Genre, Media

from ..accounts.helpers import gql, signed_up
from ..mailbox import Mailbox
from .test_feed import account

COMPARE = """query($u: ID!) { compareWith(userId: $u) {
  other { userId } bothWatched coRated correlation shrunkCorrelation compatibility
  topAgreements { media { title } mine theirs } biggestDisagreements { media { title } mine theirs }
  lovedUnseen { title } sharedListed { title } genres { genre mine theirs } } }"""


async def test_compare_with_a_friend(api: httpx.AsyncClient, smtp: Mailbox, driver: AsyncDriver, redis: Redis,
                                     run_jobs: Callable[[], Awaitable[None]]) -> None:
    tag = uuid.uuid4().hex[:6]
    genre = await Genre(name=f"Cmp {tag}").save()
    t = {}
    for n in range(1, 7):
        t[n] = await Media(type="movie", title=f"T{n} {tag}", certification="PG").save()
        await t[n].genres.connect(genre)
    _, login = await signed_up(api, smtp, run_jobs)
    token = login["accessToken"]
    me = (await gql(api, "{ me { id activeProfile { id } } }", token=token))["data"]["me"]
    mine = Principal(me["id"], "s", me["activeProfile"]["id"], ("*",), "test")
    f_user, _, f_p = await account("Friend", "public")
    for n, r in ((1, 9), (2, 8), (3, 2), (4, 7)):
        await activity.rate(driver, redis, mine, t[n].uid, r, None)
    for n, r in ((1, 10), (2, 8), (3, 9), (5, 10)):
        await activity.rate(driver, redis, f_p, t[n].uid, r, None)
    await activity.watched(driver, redis, f_p, t[6].uid, None, None)
    my_list = await lists.create(driver, redis, mine, "Mine", None, None, "private")
    their_list = await lists.create(driver, redis, f_p, "Theirs", None, None, "public")
    await lists.add(driver, redis, mine, my_list["uid"], t[6].uid, None, None)
    await lists.add(driver, redis, f_p, their_list["uid"], t[6].uid, None, None)

    got = (await gql(api, COMPARE, token=token, u=f_user.uid))["data"]["compareWith"]
    # x = 9, 8, 2 (mine), y = 10, 8, 9 (theirs): n=3, Σx=19, Σy=27, Σx²=149, Σy²=245, Σxy=172
    r = (3 * 172 - 19 * 27) / math.sqrt((3 * 149 - 19**2) * (3 * 245 - 27**2))
    assert got["coRated"] == 3 and got["bothWatched"] == 3
    assert got["correlation"] == pytest.approx(r, abs=1e-4) == pytest.approx(0.1321, abs=1e-4)
    assert got["shrunkCorrelation"] == pytest.approx(r * 3 / 13, abs=1e-4)
    assert got["compatibility"] == round(50 * (1 + r * 3 / 13)) == 52
    assert got["topAgreements"] == [{"media": {"title": f"T1 {tag}"}, "mine": 9, "theirs": 10},
                                    {"media": {"title": f"T2 {tag}"}, "mine": 8, "theirs": 8}]
    assert got["biggestDisagreements"] == [{"media": {"title": f"T3 {tag}"}, "mine": 2, "theirs": 9}]
    assert got["lovedUnseen"] == [{"title": f"T5 {tag}"}]
    assert got["sharedListed"] == [{"title": f"T6 {tag}"}]
    # liked: mine T1, T2, T4 (7+; T3 rated 2 is not); theirs T1, T2, T3, T5 (7+) and T6 (watched)
    assert {"genre": genre.name, "mine": 3, "theirs": 5} in got["genres"]

    # a friends-only profile is compared only between mutual follows; a block ends it
    s_user, _, _ = await account("Shy", "friends")
    hidden = await gql(api, COMPARE, token=token, u=s_user.uid)
    assert hidden["errors"][0]["extensions"]["field"] == "userId"
    await social.block(driver, redis, f_user.uid, me["id"])
    blocked = await gql(api, COMPARE, token=token, u=f_user.uid)
    assert "not visible" in blocked["errors"][0]["message"]
    for m in t.values():
        await m.delete()
    await genre.delete()


async def test_a_kids_genre_taste_counts_only_titles_under_its_cap(driver: AsyncDriver, redis: Redis) -> None:
    from app.social import repository

    tag = uuid.uuid4().hex[:6]
    mild, grim = await Genre(name=f"Mild {tag}").save(), await Genre(name=f"Grim {tag}").save()
    pg = await Media(type="movie", title=f"Mild film {tag}", certification="PG").save()
    r = await Media(type="movie", title=f"Grim film {tag}", certification="R").save()
    await pg.genres.connect(mild)
    await r.genres.connect(grim)
    viewer, _, v_p = await account("Kidcompare", "public")
    them, _, t_p = await account("Grownup", "public")
    for p in (v_p, t_p):
        for m in (pg, r):
            await activity.rate(driver, redis, p, m.uid, 9, None)
    genres = lambda row: {g["genre"] for g in row["genres"]}  # noqa: E731
    grown = await repository.compare(driver, viewer.uid, v_p.profile or "", them.uid, None)
    assert grown is not None and {mild.name, grim.name} <= genres(grown)
    capped = await repository.compare(driver, viewer.uid, v_p.profile or "", them.uid, 10)
    for node in (pg, r, mild, grim):  # nothing of this test left in the catalog
        await node.delete()
    assert capped is not None and mild.name in genres(capped) and grim.name not in genres(capped)
