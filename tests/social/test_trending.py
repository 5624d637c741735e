"""Trending: weighted, decayed buckets in the real Redis; friends' trending from the graph;
a rebuild from the graph when Redis has lost it."""

from __future__ import annotations

import time
import uuid
from collections.abc import Awaitable, Callable

import httpx
import pytest
from neo4j import AsyncDriver
from redis.asyncio import Redis

from app.activity import service as activity
from app.lists import service as lists
from app.social import service as social
from app.social import trending
from graph_model import Genre, Media

from ..accounts.helpers import gql, signed_up
from ..mailbox import Mailbox
from .test_feed import account


async def titles(tag: str, n: int, cert: str = "PG") -> tuple[Genre, list[Media]]:
    genre = await Genre(name=f"Trend {tag}").save()
    made = []
    for i in range(n):
        m = await Media(type="movie", title=f"Trend {i} {tag}", certification=cert if i else "R").save()
        await m.genres.connect(genre)
        made.append(m)
    return genre, made


async def test_weights_and_decay(redis: Redis) -> None:
    tag = uuid.uuid4().hex[:6]
    genre = f"Decay {tag}"
    now = time.time()
    await trending.count(redis, "rated-now", [genre], "RATED", now)  # 2
    for _ in range(3):  # 3 x 1, twenty hours ago: three and a bit half-lives of a day's 6 h
        await trending.count(redis, "watched-earlier", [genre], "WATCHED", now - 20 * 3600)
    await trending.count(redis, "listed-now", [genre], "LISTED", now)  # 0.5
    day = trending.PERIODS["day"]
    ranked = dict(await trending.top(redis, "day", 10, genre, now=now))
    assert ranked["rated-now"] == pytest.approx(2.0)
    assert ranked["listed-now"] == pytest.approx(0.5)
    age = int(now // 3600) - int((now - 20 * 3600) // 3600)
    assert ranked["watched-earlier"] == pytest.approx(3 * 0.5 ** (age / 6), abs=1e-3)
    assert list(ranked) == ["rated-now", "listed-now", "watched-earlier"]
    # the hour's ranking has forgotten what happened twenty hours ago
    assert "watched-earlier" not in dict(await trending.top(redis, "hour", 10, genre, now=now + 1))
    assert day.seconds == 86_400


async def test_trending_through_graphql_friends_and_a_rebuild(
        api: httpx.AsyncClient, smtp: Mailbox, driver: AsyncDriver, redis: Redis,
        run_jobs: Callable[[], Awaitable[None]]) -> None:
    tag = uuid.uuid4().hex[:6]
    genre, made = await titles(tag, 4)
    _, login = await signed_up(api, smtp, run_jobs)
    token = login["accessToken"]
    me = (await gql(api, "{ me { id } }", token=token))["data"]["me"]["id"]
    friend_user, _, friend = await account("TrendFriend", "friends")
    stranger_user, _, stranger = await account("TrendStranger", "public")
    await social.follow(driver, me, friend_user.uid)
    await social.answer(driver, friend_user.uid, me, approve=True)
    await social.follow(driver, friend_user.uid, me)
    await social.answer(driver, me, friend_user.uid, approve=True)
    await activity.rate(driver, redis, friend, made[1].uid, 9, None)
    await activity.watched(driver, redis, friend, made[2].uid, None, None)
    await activity.rate(driver, redis, stranger, made[3].uid, 8, None)
    await activity.watched(driver, redis, stranger, made[3].uid, None, None)
    await activity.watched(driver, redis, stranger, made[0].uid, None, None)
    picks = await lists.create(driver, redis, stranger, "Picks", None, None, "public")
    await lists.add(driver, redis, stranger, picks["uid"], made[0].uid, None, None)

    # the rebuild from the graph (as after a Redis restart) finds the events above
    await redis.delete(trending.BUILT)
    assert await trending.rebuild_if_empty(driver, redis) > 0
    query = """query($g: String, $f: Boolean) { trending(timeframe: DAY, limit: 10, genre: $g, friends: $f) {
      title } }"""
    ranked = [m["title"] for m in (await gql(api, query, token=token, g=genre.name))["data"]["trending"]]
    # 3 = rated 2 + watched 1; 2 = rated; 1.5 = watched + listed 0.5; 1 = watched
    assert ranked == [f"Trend {i} {tag}" for i in (3, 1, 0, 2)]
    friends = [m["title"] for m in (await gql(api, query, token=token, f=True))["data"]["trending"]]
    assert friends[:2] == [f"Trend 1 {tag}", f"Trend 2 {tag}"]  # rated 2 > watched 1; never the stranger's
    assert f"Trend 3 {tag}" not in friends
    for m in made:
        await m.delete()
    await genre.delete()
