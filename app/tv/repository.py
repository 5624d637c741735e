"""Hand-entered titles and TV episode progress in Neo4j."""

from __future__ import annotations

from typing import Any

from neo4j import AsyncDriver

from cypher import read, write


async def create_media(driver: AsyncDriver, user: str, profile: str, **fields: Any) -> dict[str, Any] | None:
    rows = await write(driver, "tv/create_media", user=user, profile=profile, **fields)
    return dict(rows[0]["media"]) if rows else None


async def set_progress(driver: AsyncDriver, user: str, profile: str, episode: str, seconds: int | None,
                       watched: bool | None, max_level: int | None) -> tuple[dict[str, Any], str] | None:
    rows = await write(driver, "tv/set_progress", user=user, profile=profile, episode=episode,
                       seconds=seconds, watched=watched, max_level=max_level)
    return (dict(rows[0]["progress"]), rows[0]["show"]) if rows else None


async def mark_episodes(driver: AsyncDriver, user: str, profile: str, season: str | None,
                        up_to: str | None, max_level: int | None) -> tuple[str, int] | None:
    rows = await write(driver, "tv/mark_episodes", user=user, profile=profile, season=season, up_to=up_to,
                       max_level=max_level)
    return (rows[0]["show"], rows[0]["marked"]) if rows else None


async def show_status(driver: AsyncDriver, profile: str, show: str) -> dict[str, Any] | None:
    rows = await read(driver, "tv/show_status", profile=profile, show=show)
    return rows[0].data() if rows else None


async def shows_in_progress(driver: AsyncDriver, user: str, profile: str,
                            max_level: int | None) -> list[dict[str, Any]]:
    rows = await read(driver, "tv/shows_in_progress", user=user, profile=profile, max_level=max_level)
    return [r.data() for r in rows]


async def system_list(driver: AsyncDriver, profile: str, name: str) -> str | None:
    rows = await read(driver, "tv/system_list", profile=profile, name=name)
    return rows[0]["list"] if rows else None


async def seasons(driver: AsyncDriver, profile: str | None, show: str) -> list[dict[str, Any]]:
    rows = await read(driver, "tv/seasons", profile=profile, show=show)
    return [{**r["season"], "episodes": r["episodes"]} for r in rows]
