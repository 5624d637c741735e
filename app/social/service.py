"""Rules of the social graph: who may follow whom, what a follower may see, and the reads
built on it (feed, comparison, explorer, picks, trending). Titles come through the
caller's `load` (the request's catalog loader), so a kid profile's cap applies to them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from neo4j import AsyncDriver
from redis.asyncio import Redis

from app import events
from app.catalog.rows import LoadMedia, MediaRow
from app.errors import InvalidInput, NotFound
from app.kit import cursor
from app.kit.checks import check_between, check_id
from app.kit.principal import Caller, acting
from app.profiles.service import require_grown_up

from . import because, compare, explore, repository, trending
from .repository import ActivityRow, CardRow, FollowRow, FriendRow, ListRefRow, RequestRow

BLOCKED = "You cannot follow this account"


# -- what the caller does: only a grown-up profile, from a signed-in session, changes whom
#    the account follows or blocks (the API and the pages call these)

async def _me(driver: AsyncDriver, caller: Caller) -> str:
    return (await require_grown_up(driver, caller)).user


async def follow_user(driver: AsyncDriver, caller: Caller, them: str) -> FollowRow:
    return await follow(driver, await _me(driver, caller), them)


async def unfollow_user(driver: AsyncDriver, redis: Redis, caller: Caller, them: str) -> bool:
    return await unfollow(driver, redis, await _me(driver, caller), them)


async def answer_request(driver: AsyncDriver, caller: Caller, them: str, approve: bool) -> bool:
    return await answer(driver, await _me(driver, caller), them, approve)


async def block_user(driver: AsyncDriver, redis: Redis, caller: Caller, them: str) -> bool:
    return await block(driver, redis, await _me(driver, caller), them)


async def unblock_user(driver: AsyncDriver, caller: Caller, them: str) -> bool:
    return await unblock(driver, await _me(driver, caller), them)


# -- the acts themselves, for an account already checked (seeding, imports, tests)

async def follow(driver: AsyncDriver, me: str, them: str) -> FollowRow:
    if check_id(them, "userId") == me:
        raise InvalidInput("You cannot follow yourself", field="userId")
    row = await repository.follow(driver, me, them)
    if row is None:
        # unknown, or a block in either direction: the same answer, so a block stays unseen
        raise NotFound(BLOCKED, field="userId")
    return row


async def answer(driver: AsyncDriver, me: str, them: str, approve: bool) -> bool:
    if not await repository.answer_request(driver, me, check_id(them, "userId"), approve):
        raise NotFound("No pending request from this account", field="userId")
    return True


async def block(driver: AsyncDriver, redis: Redis, me: str, them: str) -> bool:
    if check_id(them, "userId") == me:
        raise InvalidInput("You cannot block yourself", field="userId")
    if not await repository.block(driver, me, them):
        raise NotFound("No such account", field="userId")
    await events.audience_changed(redis, me, them)  # live subscriptions stop at once
    return True


async def unblock(driver: AsyncDriver, me: str, them: str) -> bool:
    return await repository.unblock(driver, me, check_id(them, "userId"))


async def unfollow(driver: AsyncDriver, redis: Redis, me: str, them: str) -> bool:
    """Stop following, or withdraw a request; False if neither was there."""
    done = await repository.unfollow(driver, me, check_id(them, "userId"))
    if done:
        await events.audience_changed(redis, me, them)
    return done


async def friends(driver: AsyncDriver, caller: Caller, first: int) -> list[FriendRow]:
    me = caller.require().user
    return await repository.friends(driver, me, check_between(first, "first", 1, 500))


async def follow_requests(driver: AsyncDriver, caller: Caller, first: int) -> list[RequestRow]:
    me = caller.require().user
    return await repository.follow_requests(driver, me, check_between(first, "first", 1, 500))


@dataclass(frozen=True)
class FeedEntry:
    cursor: str
    uid: str
    user: str  # the actor's account
    actor: CardRow
    kind: str
    media: MediaRow
    also: list[MediaRow]  # other titles grouped into the entry
    count: int
    rating: int | None
    list: ListRefRow | None
    first_at: dt.datetime
    at: dt.datetime


@dataclass(frozen=True)
class FeedPage:
    entries: list[FeedEntry]
    has_next: bool


async def friend_activity(driver: AsyncDriver, caller: Caller, first: int, after: str | None, max_page: int,
                          max_level: int | None, load: LoadMedia) -> FeedPage:
    me = caller.require().user
    limit = check_between(first, "first", 1, max_page)
    after_at, after_uid = decode_cursor(after)
    rows = await repository.friend_activity(driver, me, limit + 1, after_at, after_uid, max_level)
    page = rows[:limit]
    # every title of the page in one load: entries' own, and those grouped into them
    ids = [r["media"] for r in page] + [m for r in page for m in r["more_media"]]
    found = dict(zip(ids, await load(ids)))
    entries = []
    for row in page:
        media = found[row["media"]]
        if media is None:
            continue
        e = row["entry"]
        entries.append(FeedEntry(
            cursor=encode_cursor(row), uid=e["uid"], user=row["user"], actor=row["actor"], kind=e["kind"],
            media=media, also=[t for t in (found[x] for x in row["more_media"]) if t is not None],
            count=e["count"], rating=e.get("rating"), list=row["list"],
            first_at=e["first_at"].to_native(), at=e["last_at"].to_native()))
    return FeedPage(entries=entries, has_next=len(rows) > limit)


async def compare_with(driver: AsyncDriver, caller: Caller, user_id: str, max_level: int | None,
                       load: LoadMedia) -> compare.Comparison:
    p = caller.require()
    if p.profile is None:
        raise InvalidInput("Choose a profile first", field="userId")
    them = check_id(user_id, "userId")
    row = await repository.compare(driver, p.user, p.profile, them, max_level)
    if row is None:
        raise NotFound("No such account, or its profile is not visible to you", field="userId")
    co = row["co_rated"]
    agree = compare.agreement([(c["mine"], c["theirs"]) for c in co])
    top, apart = compare.extremes(co)
    ids = [c["media"] for c in top + apart] + row["loved_unseen"] + row["shared_listed"]
    found = dict(zip(ids, await load(ids)))

    def pairs(cs: list[repository.CoRating]) -> list[compare.RatedPair]:
        return [compare.RatedPair(media=t, mine=c["mine"], theirs=c["theirs"])
                for c in cs if (t := found.get(c["media"]))]

    def titles(uids: list[str]) -> list[MediaRow]:
        return [t for u in uids if (t := found.get(u))]

    return compare.Comparison(
        user=them, other=row["other"], both_watched=row["both_watched"], co_rated=len(co),
        correlation=None if agree.correlation is None else round(agree.correlation, 4),
        shrunk=round(agree.shrunk, 4), compatibility=agree.compatibility,
        top_agreements=pairs(top), biggest_disagreements=pairs(apart),
        loved_unseen=titles(row["loved_unseen"]), shared_listed=titles(row["shared_listed"]), genres=row["genres"])


async def social_graph(driver: AsyncDriver, caller: Caller, depth: int, limit: int) -> explore.Graph:
    p = caller.require()
    profile = acting(p)
    return await explore.graph(driver, p.user, profile, check_between(depth, "depth", 1, 3),
                               check_between(limit, "limit", 1, explore.MAX_PEOPLE))


async def social_path(driver: AsyncDriver, caller: Caller, user_id: str) -> list[explore.Placed]:
    p = caller.require()
    profile = acting(p)
    return await explore.path(driver, p.user, profile, check_id(user_id, "userId"))


async def suggested_follows(driver: AsyncDriver, caller: Caller, limit: int) -> list[explore.Suggestion]:
    p = caller.require()
    profile = acting(p)
    return await explore.suggestions(driver, p.user, profile, check_between(limit, "limit", 1, 50))


@dataclass(frozen=True)
class Pick:
    media: MediaRow
    score: float
    reason: str


async def because_you_watched(driver: AsyncDriver, media_id: str, limit: int, max_page: int,
                              max_level: int | None, load: LoadMedia) -> list[Pick]:
    uid = check_id(media_id, "mediaId")
    limit = check_between(limit, "limit", 1, max_page)
    (source,) = await load([uid])
    if source is None:  # unknown, or above the viewer's cap
        return []
    rows = await repository.because_you_watched(driver, uid, limit * 2, max_level)
    picks = because.rank(source["title"], rows, limit)
    found = await load([m for m, _, _ in picks])
    return [Pick(media=m, score=score, reason=reason) for (_, score, reason), m in zip(picks, found)
            if m is not None]


async def trending_titles(driver: AsyncDriver, redis: Redis, caller: Caller, period: str, limit: int,
                          genre: str | None, among_friends: bool, max_page: int, max_level: int | None,
                          load: LoadMedia) -> list[MediaRow]:
    limit = check_between(limit, "limit", 1, max_page)
    if genre is not None and not 1 <= len(genre) <= 50:
        raise InvalidInput("genre must be 1-50 characters", field="genre")
    if among_friends:
        ranked = await trending.friends_top(driver, caller.require().user, period, limit, max_level)
    else:
        ranked = await trending.top_or_graph(redis, driver, period, limit, genre)
    found = await load([m for m, _ in ranked])  # capped: kids see theirs
    return [m for m in found if m is not None][:limit]


def encode_cursor(row: ActivityRow) -> str:
    entry = row["entry"]
    return cursor.encode(cursor.instant(entry["last_at"]), entry["uid"])


def decode_cursor(after: str | None) -> tuple[str | None, str | None]:
    if after is None:
        return None, None
    at, uid = cursor.decode(after, ("instant", "str"))
    return at, uid
