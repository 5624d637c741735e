"""Follows, blocks and the activity feed over the real Neo4j and Redis: a privacy matrix
of actor (public / friends-only / private) by viewer (stranger / follower / friend / blocked)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest
from neo4j import AsyncDriver
from redis.asyncio import Redis

from app.activity import service as activity
from app.errors import NotFound
from app.kit.principal import Principal
from app.lists import service as lists
from app.social import feed, repository, service
from graph_model import Media, Profile, User


async def account(name: str, privacy: str = "friends") -> tuple[User, Profile, Principal]:
    tag = uuid.uuid4().hex[:8]
    user = await User(email=f"{name.lower()}-{tag}@example.com", display_name=name).save()
    profile = await Profile(name=f"{name} {tag}", is_primary=True, privacy=privacy).save()
    await user.profiles.connect(profile)
    return user, profile, Principal(user=user.uid, session="s", profile=profile.uid, scopes=("*",), via="test")


async def feed_of(driver: AsyncDriver, viewer: User, max_level: int | None = None) -> list[dict[str, Any]]:
    return await repository.friend_activity(driver, viewer.uid, 50, None, None, max_level)


@pytest.fixture
async def titles() -> AsyncIterator[dict[str, Media]]:
    tag = uuid.uuid4().hex[:6]
    made = {name: await Media(type="movie", title=f"{name} {tag}", certification=cert).save()
            for name, cert in (("Family", "G"), ("Grim", "R"), ("Show", "TV-PG"))}
    yield made
    for m in made.values():
        await m.delete()


async def test_the_privacy_matrix(driver: AsyncDriver, redis: Redis, titles: dict[str, Media]) -> None:
    actors = {privacy: await account(f"Actor-{privacy}", privacy) for privacy in ("public", "friends", "private")}
    stranger, follower, friend, blocked = [await account(n) for n in ("Stranger", "Follower", "Friend", "Blocked")]
    for privacy, (a_user, _, a_p) in actors.items():
        for viewer in (follower, friend, blocked):
            followed = await service.follow(driver, viewer[0].uid, a_user.uid)
            assert followed["status"] == ("FOLLOWING" if privacy == "public" else "REQUESTED")
            if privacy != "public":
                assert await service.answer(driver, a_user.uid, viewer[0].uid, approve=True)
        for viewer in (friend, blocked):  # mutual follows: friends
            await service.follow(driver, a_user.uid, viewer[0].uid)
            await service.answer(driver, viewer[0].uid, a_user.uid, approve=True)
        assert await service.block(driver, redis, a_user.uid, blocked[0].uid)
        await activity.rate(driver, redis, a_p, titles["Family"].uid, 8, None)
    assert await feed.record_events(driver, redis) >= 3

    def actors_seen(rows: list[dict[str, Any]]) -> set[str]:
        names = {p.uid: privacy for privacy, (_, p, _) in actors.items()}
        return {names[r["actor"]["uid"]] for r in rows if r["actor"]["uid"] in names}

    expected = {"stranger": set(), "follower": {"public"}, "friend": {"public", "friends"}, "blocked": set()}
    for label, viewer in (("stranger", stranger), ("follower", follower), ("friend", friend),
                          ("blocked", blocked)):
        assert actors_seen(await feed_of(driver, viewer[0])) == expected[label], label

    # a block ends the follows both ways and stops new ones, with the same answer as an unknown id
    for a_user, _, _ in actors.values():
        rel = await repository.relation(driver, blocked[0].uid, a_user.uid)
        assert rel == {"following": False, "followed_by": False, "requested": False, "blocking": False}
        with pytest.raises(NotFound, match="cannot follow"):
            await service.follow(driver, blocked[0].uid, a_user.uid)
    with pytest.raises(NotFound, match="cannot follow"):
        await service.follow(driver, stranger[0].uid, str(uuid.uuid4()))

    friends = await repository.friends(driver, friend[0].uid, 50)
    assert {r["profile"]["uid"] for r in friends} == {p.uid for _, p, _ in actors.values()}
    assert await repository.friends(driver, blocked[0].uid, 50) == []


async def test_grouping_lists_and_the_kid_cap(driver: AsyncDriver, redis: Redis, titles: dict[str, Media]) -> None:
    a_user, a_profile, a_p = await account("Binger", "public")
    v_user, _, _ = await account("Watcher")
    await service.follow(driver, v_user.uid, a_user.uid)
    evening = dt.datetime(2026, 11, 20, 19, 0, tzinfo=dt.UTC)
    show = titles["Show"].uid
    for n in range(5):  # five episodes in one evening read as one entry
        await repository.record_activity(
            driver, profile=a_profile.uid, kind="EPISODES", target=show, media=show,
            at=(evening + dt.timedelta(minutes=45 * n)).isoformat(), rating=None, list=None, review=None,
            event=f"ep-{n}", window_hours=feed.WINDOW_HOURS)
    await repository.record_activity(  # a replayed event changes nothing
        driver, profile=a_profile.uid, kind="EPISODES", target=show, media=show,
        at=(evening + dt.timedelta(minutes=45 * 4)).isoformat(), rating=None, list=None, review=None,
        event="ep-4", window_hours=feed.WINDOW_HOURS)
    await repository.record_activity(  # the next evening is a new entry
        driver, profile=a_profile.uid, kind="EPISODES", target=show, media=show,
        at=(evening + dt.timedelta(days=1)).isoformat(), rating=None, list=None, review=None,
        event="ep-next", window_hours=feed.WINDOW_HOURS)
    episodes = [r for r in await feed_of(driver, v_user) if r["media"] == show]
    assert [r["entry"]["count"] for r in episodes] == [1, 5]  # newest first

    hidden = await lists.create(driver, redis, a_p, "Secret picks", None, None, "private")
    shown = await lists.create(driver, redis, a_p, "Open picks", None, None, "public")
    await lists.add(driver, redis, a_p, hidden["uid"], titles["Family"].uid, None, None)
    await lists.add(driver, redis, a_p, shown["uid"], titles["Grim"].uid, None, None)
    await feed.record_events(driver, redis)
    listed = [r for r in await feed_of(driver, v_user) if r["entry"]["kind"] == "LISTED"]
    assert [r["list"]["name"] for r in listed] == ["Open picks"]
    # a kid viewer never sees an entry about a title above its cap
    capped = await feed_of(driver, v_user, max_level=10)
    assert titles["Grim"].uid not in {r["media"] for r in capped}
    assert show in {r["media"] for r in capped}


async def test_requests_can_be_declined_and_withdrawn(driver: AsyncDriver) -> None:
    a_user, _, _ = await account("Careful", "friends")
    v_user, _, _ = await account("Keen")
    assert (await service.follow(driver, v_user.uid, a_user.uid))["status"] == "REQUESTED"
    pending = await repository.follow_requests(driver, a_user.uid, 10)
    assert [r["user"] for r in pending] == [v_user.uid]
    assert await service.answer(driver, a_user.uid, v_user.uid, approve=False)
    assert await repository.follow_requests(driver, a_user.uid, 10) == []
    with pytest.raises(NotFound, match="No pending request"):
        await service.answer(driver, a_user.uid, v_user.uid, approve=True)
    await service.follow(driver, v_user.uid, a_user.uid)
    assert await repository.unfollow(driver, v_user.uid, a_user.uid)  # withdrawn
    assert not (await repository.relation(driver, v_user.uid, a_user.uid))["requested"]
