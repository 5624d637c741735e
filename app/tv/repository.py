"""Hand-entered titles and TV episode progress in Neo4j."""

from __future__ import annotations

from typing import Any

from neo4j import AsyncDriver

from app.catalog.rows import MediaRow
from cypher import read, write

from .rows import EpisodeRef, NextEpisode, ProgressRow, SeasonRow, ShowProgressRow, ShowStatus


def _next(row: Any) -> NextEpisode | None:
    if not row:
        return None
    e = row["episode"]
    return NextEpisode(episode=EpisodeRef(uid=e["uid"], episode_number=e["episode_number"],
                                          title=e.get("title")), season=row["season"])


async def create_media(driver: AsyncDriver, user: str, profile: str, **fields: Any) -> MediaRow | None:
    rows = await write(driver, "tv/create_media", user=user, profile=profile, **fields)
    return dict(rows[0]["media"]) if rows else None


async def set_progress(driver: AsyncDriver, user: str, profile: str, episode: str, seconds: int | None,
                       watched: bool | None, max_level: int | None) -> tuple[ProgressRow, str] | None:
    rows = await write(driver, "tv/set_progress", user=user, profile=profile, episode=episode,
                       seconds=seconds, watched=watched, max_level=max_level)
    if not rows:
        return None
    x = rows[0]["progress"]
    return ProgressRow(progress_seconds=x["progress_seconds"], is_watched=x["is_watched"],
                       watched_at=x["watched_at"]), rows[0]["show"]


async def mark_episodes(driver: AsyncDriver, user: str, profile: str, season: str | None,
                        up_to: str | None, max_level: int | None) -> tuple[str, int] | None:
    rows = await write(driver, "tv/mark_episodes", user=user, profile=profile, season=season, up_to=up_to,
                       max_level=max_level)
    return (rows[0]["show"], rows[0]["marked"]) if rows else None


async def show_status(driver: AsyncDriver, profile: str, show: str) -> ShowStatus | None:
    rows = await read(driver, "tv/show_status", profile=profile, show=show)
    return ShowStatus(show=rows[0]["show"], watched=rows[0]["watched"], total=rows[0]["total"]) if rows else None


async def shows_in_progress(driver: AsyncDriver, user: str, profile: str,
                            max_level: int | None) -> list[ShowProgressRow]:
    rows = await read(driver, "tv/shows_in_progress", user=user, profile=profile, max_level=max_level)
    return [ShowProgressRow(show=dict(r["show"]), watched=r["watched"], total=r["total"], next=_next(r["next"]))
            for r in rows]


async def system_list(driver: AsyncDriver, profile: str, name: str) -> str | None:
    rows = await read(driver, "tv/system_list", profile=profile, name=name)
    return rows[0]["list"] if rows else None


async def seasons(driver: AsyncDriver, profile: str | None, show: str) -> list[SeasonRow]:
    rows = await read(driver, "tv/seasons", profile=profile, show=show)
    return [SeasonRow(uid=r["season"]["uid"], season_number=r["season"]["season_number"],
                      episodes=r["episodes"]) for r in rows]
