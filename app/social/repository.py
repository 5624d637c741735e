"""Follows, requests, blocks and the activity feed in the graph."""

from __future__ import annotations

from typing import Any

from neo4j import AsyncDriver

from cypher import read, write


async def follow(driver: AsyncDriver, me: str, them: str) -> dict[str, Any] | None:
    rows = await write(driver, "social/follow", me=me, them=them)
    return dict(rows[0]) if rows else None


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


async def follow_requests(driver: AsyncDriver, me: str, limit: int) -> list[dict[str, Any]]:
    return [dict(r) for r in await read(driver, "social/follow_requests", me=me, limit=limit)]


async def friends(driver: AsyncDriver, me: str, limit: int) -> list[dict[str, Any]]:
    return [dict(r) for r in await read(driver, "social/friends", me=me, limit=limit)]


async def relation(driver: AsyncDriver, me: str, them: str) -> dict[str, Any] | None:
    rows = await read(driver, "social/relation", me=me, them=them)
    return dict(rows[0]) if rows else None


async def record_activity(driver: AsyncDriver, **entry: Any) -> list[str] | None:
    """The title's genres when the event was new; None when it was already recorded."""
    rows = await write(driver, "social/record_activity", **entry)
    return list(rows[0]["genres"]) if rows else None


async def friend_activity(driver: AsyncDriver, viewer: str, limit: int, after_at: str | None,
                          after_uid: str | None, max_level: int | None) -> list[dict[str, Any]]:
    rows = await read(driver, "social/friend_activity", viewer=viewer, limit=limit, after_at=after_at,
                      after_uid=after_uid, max_level=max_level)
    return [dict(r) for r in rows]


async def compare(driver: AsyncDriver, viewer: str, profile: str, them: str, max_level: int | None,
                  limit: int = 10) -> dict[str, Any] | None:
    rows = await read(driver, "social/compare", viewer=viewer, profile=profile, them=them,
                      max_level=max_level, loved=9, liked=7, limit=limit)
    return dict(rows[0]) if rows else None


async def because_you_watched(driver: AsyncDriver, media: str, limit: int, max_level: int | None,
                              min_fans: int = 3, high: int = 8) -> list[dict[str, Any]]:
    rows = await read(driver, "social/because_you_watched", uid=media, limit=limit, max_level=max_level,
                      min_fans=min_fans, high=high)
    return [dict(r) for r in rows]


async def friends_of(driver: AsyncDriver, viewer: str, uids: list[str], fanout: int) -> list[dict[str, Any]]:
    rows = await read(driver, "social/friends_of", viewer=viewer, uids=uids, fanout=fanout)
    return [dict(r) for r in rows]


async def people(driver: AsyncDriver, viewer: str, profile: str, uids: list[str]) -> list[dict[str, Any]]:
    rows = await read(driver, "social/people", viewer=viewer, profile=profile, uids=uids)
    return [dict(r) for r in rows]
