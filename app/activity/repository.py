"""Ratings and watch history in Neo4j."""

from __future__ import annotations

from typing import Any

from neo4j import AsyncDriver

from cypher import read, write

from .rows import MineRow, RatingRow, WatchRow


def _rating(r: Any) -> RatingRow:
    return RatingRow(rating=r["rating"], rated_at=r.get("rated_at"), history=list(r.get("history") or []),
                     history_at=list(r.get("history_at") or []))


def _watch(w: Any) -> WatchRow:
    return WatchRow(watch_count=int(w.get("watch_count") or 0), first_watched_at=w.get("first_watched_at"),
                    last_watched_at=w.get("last_watched_at"))


async def rate(driver: AsyncDriver, user: str, profile: str, media: str, rating: int) -> RatingRow | None:
    rows = await write(driver, "activity/rate", user=user, profile=profile, media=media, rating=rating)
    return _rating(rows[0]["rating"]) if rows else None


async def watch(driver: AsyncDriver, user: str, profile: str, media: str, at: str) -> WatchRow | None:
    rows = await write(driver, "activity/watch", user=user, profile=profile, media=media, at=at)
    return _watch(rows[0]["watch"]) if rows else None


async def unwatch(driver: AsyncDriver, user: str, profile: str, media: str) -> tuple[bool, WatchRow | None]:
    """(whether there was a viewing to undo, the record left: None once none is)."""
    rows = await write(driver, "activity/unwatch", user=user, profile=profile, media=media)
    if not rows:
        return False, None
    return True, _watch(rows[0]["watch"]) if rows[0]["watch"] else None


async def mine_by_media(driver: AsyncDriver, profile: str, ids: list[str]) -> dict[str, MineRow]:
    rows = await read(driver, "activity/mine_by_media", profile=profile, ids=ids)
    return {r["id"]: MineRow(rating=_rating(r["rating"]) if r["rating"] else None,
                            watch=_watch(r["watch"]) if r["watch"] else None) for r in rows}
