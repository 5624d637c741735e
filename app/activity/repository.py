"""Ratings and watch history in Neo4j."""

from __future__ import annotations

from typing import Any

from neo4j import AsyncDriver

from cypher import read, write


async def rate(driver: AsyncDriver, user: str, profile: str, media: str, rating: int) -> dict[str, Any] | None:
    rows = await write(driver, "activity/rate", user=user, profile=profile, media=media, rating=rating)
    return dict(rows[0]["rating"]) if rows else None


async def watch(driver: AsyncDriver, user: str, profile: str, media: str, at: str) -> dict[str, Any] | None:
    rows = await write(driver, "activity/watch", user=user, profile=profile, media=media, at=at)
    return dict(rows[0]["watch"]) if rows else None


async def unwatch(driver: AsyncDriver, user: str, profile: str, media: str) -> tuple[bool, dict[str, Any] | None]:
    rows = await write(driver, "activity/unwatch", user=user, profile=profile, media=media)
    if not rows:
        return False, None
    return True, dict(rows[0]["watch"]) if rows[0]["watch"] else None


async def mine_by_media(driver: AsyncDriver, profile: str, ids: list[str]) -> dict[str, dict[str, Any]]:
    rows = await read(driver, "activity/mine_by_media", profile=profile, ids=ids)
    return {r["id"]: {"rating": r["rating"], "watch": r["watch"]} for r in rows}
