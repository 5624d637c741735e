"""Follows, requests, blocks, the activity feed and the explorer's reads in the graph."""

from __future__ import annotations

from typing import Any, Literal, TypedDict

from neo4j import AsyncDriver
from neo4j.time import DateTime

from cypher import read, typed, write


class CardRow(TypedDict):
    uid: str
    name: str
    avatar_url: str | None


class FollowRow(TypedDict):
    user: str
    status: Literal["FOLLOWING", "REQUESTED"]


class FriendRow(TypedDict):
    user: str
    profile: CardRow


class RequestRow(TypedDict):
    user: str
    name: str | None
    requested_at: DateTime


class RelationRow(TypedDict):
    following: bool
    followed_by: bool
    requested: bool
    blocking: bool


class EntryRow(TypedDict):
    uid: str
    kind: str
    count: int
    rating: int | None
    first_at: DateTime
    last_at: DateTime


class ListRefRow(TypedDict):
    uid: str
    name: str


class ActivityRow(TypedDict):
    entry: EntryRow
    user: str
    actor: CardRow
    media: str
    list: ListRefRow | None
    more_media: list[str]  # other titles grouped into the entry


class CoRating(TypedDict):
    media: str
    mine: int
    theirs: int


class GenreCount(TypedDict):
    genre: str
    mine: int
    theirs: int


class CompareRow(TypedDict):
    other: CardRow
    co_rated: list[CoRating]
    both_watched: int
    loved_unseen: list[str]
    shared_listed: list[str]
    genres: list[GenreCount]


class BecauseRow(TypedDict):
    media: str
    why: Literal["COFANS", "DIRECTOR", "CAST"]
    score: float
    via: str | None
    support: int


class FriendOfRow(TypedDict):
    source: str
    friend: str


class PersonSeenRow(TypedDict):
    user: str
    profile: CardRow
    friend: bool
    following: bool
    mutual: list[str]  # names of the friends shared with the viewer
    co_rated: list[list[int]]  # [viewer's rating, theirs]


class EventRow(TypedDict):
    media: str
    kind: str
    at: int  # epoch seconds
    genres: list[str]


class ScoreRow(TypedDict):
    media: str
    score: float


async def follow(driver: AsyncDriver, me: str, them: str) -> FollowRow | None:
    rows = typed(await write(driver, "social/follow", me=me, them=them), FollowRow)
    return rows[0] if rows else None


async def unfollow(driver: AsyncDriver, me: str, them: str) -> bool:
    rows = await write(driver, "social/unfollow", me=me, them=them)
    return bool(rows and rows[0]["removed"])


async def answer_request(driver: AsyncDriver, me: str, them: str, approve: bool) -> bool:
    rows = await write(driver, "social/answer_request", me=me, them=them, approve=approve)
    return bool(rows and rows[0]["answered"])


async def block(driver: AsyncDriver, me: str, them: str) -> bool:
    return bool(await write(driver, "social/block", me=me, them=them))


async def unblock(driver: AsyncDriver, me: str, them: str) -> bool:
    rows = await write(driver, "social/unblock", me=me, them=them)
    return bool(rows and rows[0]["removed"])


async def follow_requests(driver: AsyncDriver, me: str, limit: int) -> list[RequestRow]:
    return typed(await read(driver, "social/follow_requests", me=me, limit=limit), RequestRow)


async def friends(driver: AsyncDriver, me: str, limit: int) -> list[FriendRow]:
    return typed(await read(driver, "social/friends", me=me, limit=limit), FriendRow)


async def relation(driver: AsyncDriver, me: str, them: str) -> RelationRow | None:
    rows = typed(await read(driver, "social/relation", me=me, them=them), RelationRow)
    return rows[0] if rows else None


async def record_activity(driver: AsyncDriver, **entry: Any) -> list[str] | None:
    """The title's genres when the event was new; None when it was already recorded."""
    rows = await write(driver, "social/record_activity", **entry)
    return list(rows[0]["genres"]) if rows else None


async def friend_activity(driver: AsyncDriver, viewer: str, limit: int, after_at: str | None,
                          after_uid: str | None, max_level: int | None) -> list[ActivityRow]:
    rows = await read(driver, "social/friend_activity", viewer=viewer, limit=limit, after_at=after_at,
                      after_uid=after_uid, max_level=max_level)
    return typed(rows, ActivityRow)


async def compare(driver: AsyncDriver, viewer: str, profile: str, them: str, max_level: int | None,
                  limit: int = 10) -> CompareRow | None:
    rows = await read(driver, "social/compare", viewer=viewer, profile=profile, them=them,
                      max_level=max_level, loved=9, liked=7, limit=limit)
    found = typed(rows, CompareRow)
    return found[0] if found else None


async def because_you_watched(driver: AsyncDriver, media: str, limit: int, max_level: int | None,
                              min_fans: int = 3, high: int = 8) -> list[BecauseRow]:
    rows = await read(driver, "social/because_you_watched", uid=media, limit=limit, max_level=max_level,
                      min_fans=min_fans, high=high)
    return typed(rows, BecauseRow)


async def friends_of(driver: AsyncDriver, viewer: str, uids: list[str], fanout: int) -> list[FriendOfRow]:
    rows = await read(driver, "social/friends_of", viewer=viewer, uids=uids, fanout=fanout)
    return typed(rows, FriendOfRow)


async def people(driver: AsyncDriver, viewer: str, profile: str, uids: list[str]) -> list[PersonSeenRow]:
    rows = await read(driver, "social/people", viewer=viewer, profile=profile, uids=uids)
    return typed(rows, PersonSeenRow)


async def recent_events(driver: AsyncDriver, since: float) -> list[EventRow]:
    return typed(await read(driver, "social/recent_events", since=since), EventRow)


async def friends_trending(driver: AsyncDriver, viewer: str, since: float, now: float, half_life: float,
                           limit: int, max_level: int | None, weights: dict[str, float]) -> list[ScoreRow]:
    rows = await read(driver, "social/friends_trending", viewer=viewer, since=since, now=now,
                      half_life=half_life, limit=limit, max_level=max_level, weights=weights)
    return typed(rows, ScoreRow)
