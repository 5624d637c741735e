"""Every social read against one privacy matrix: actor main profile public / friends-only /
private, by viewer stranger / follower / friend / blocked (a friend whom the actor then
blocked). What each query may show follows the same rule: public to followers, friends-only
to friends, private to no one, nothing across a block."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from neo4j import AsyncDriver
from redis.asyncio import Redis

from app.activity import service as activity
from app.social import explore, feed, live, repository, service, trending
from graph_model import Media

from .test_feed import account

PRIVACIES = ("public", "friends", "private")
VIEWERS = ("stranger", "follower", "friend", "blocked")
# may the viewer see the actor, in a feed (needs a follow) and in the explorer / comparison?
FEED_SEES = {("public", "follower"), ("public", "friend"), ("friends", "friend")}
PROFILE_SEES = {("public", "stranger"), ("public", "follower"), ("public", "friend"), ("friends", "friend")}


@pytest.fixture(scope="module")
async def matrix(driver: AsyncDriver, redis: Redis) -> dict[str, Any]:
    tag = uuid.uuid4().hex[:6]
    films = {p: await Media(type="movie", title=f"Matrix {p} {tag}", certification="PG").save() for p in PRIVACIES}
    actors = {p: await account(f"M-{p}", p) for p in PRIVACIES}
    viewers = {v: await account(f"V-{v}", "friends") for v in VIEWERS}
    for privacy, (a_user, _, a_p) in actors.items():
        for v in ("follower", "friend", "blocked"):
            if (await service.follow(driver, viewers[v][0].uid, a_user.uid))["status"] == "REQUESTED":
                await service.answer(driver, a_user.uid, viewers[v][0].uid, approve=True)
        for v in ("friend", "blocked"):
            await service.follow(driver, a_user.uid, viewers[v][0].uid)
            await service.answer(driver, viewers[v][0].uid, a_user.uid, approve=True)
        await service.block(driver, redis, a_user.uid, viewers["blocked"][0].uid)
        await activity.rate(driver, redis, a_p, films[privacy].uid, 9, None)
        for _, _, v_p in viewers.values():  # co-ratings, so comparisons have data
            await activity.rate(driver, redis, v_p, films[privacy].uid, 8, None)
    await feed.record_events(driver, redis)
    return {"films": films, "actors": actors, "viewers": viewers}


@pytest.mark.parametrize("privacy", PRIVACIES)
@pytest.mark.parametrize("viewer", VIEWERS)
async def test_each_query_respects_privacy_and_blocks(driver: AsyncDriver, matrix: dict[str, Any],
                                                      privacy: str, viewer: str) -> None:
    a_user, a_profile, _ = matrix["actors"][privacy]
    v_user, v_profile, _ = matrix["viewers"][viewer]
    feed_sees = (privacy, viewer) in FEED_SEES
    profile_sees = (privacy, viewer) in PROFILE_SEES

    entries = await repository.friend_activity(driver, v_user.uid, 100, None, None, None)
    assert (a_profile.uid in {e["actor"]["uid"] for e in entries}) == feed_sees
    assert (a_profile.uid in await live.audience(driver, v_user.uid, None)) == feed_sees
    assert (await repository.compare(driver, v_user.uid, v_profile.uid, a_user.uid, None) is not None) \
        == profile_sees
    people = await explore.describe(driver, v_user.uid, v_profile.uid, [a_user.uid])
    assert (a_user.uid in people) == profile_sees
    friends = {r["user"] for r in await repository.friends(driver, v_user.uid, 100)}
    assert (a_user.uid in friends) == (viewer == "friend")
    net = await explore.network(driver, v_user.uid, 1, 50)
    assert (a_user.uid in net.distance) == (viewer == "friend" and privacy != "private")
    ranked = dict(await trending.friends_top(driver, v_user.uid, "day", 50, None))
    # friends' trending counts what friends with a profile that is not private did
    assert (matrix["films"][privacy].uid in ranked) == (viewer == "friend" and privacy != "private")
    if viewer == "blocked":
        with pytest.raises(Exception, match="cannot follow"):
            await service.follow(driver, v_user.uid, a_user.uid)
