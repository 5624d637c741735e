"""Manual entry of titles, episode progress, "next episode", and the Watching / Completed
lists following a show's progress."""

from __future__ import annotations

from typing import Any

from neo4j import AsyncDriver
from redis.asyncio import Redis

from app import events
from app.catalog import service as catalog
from app.catalog.rows import MediaRow
from app.errors import InvalidInput, NotFound
from app.kit.checks import check_id
from app.kit.principal import Principal, acting
from app.lists import service as lists

from . import repository
from .rows import ProgressRow, ShowProgressRow, ShowStatus

MAX_SEASONS, MAX_EPISODES = 100, 500


def check_entry(title: str, media_type: str, year: int | None, genres: list[str],
                certification: str | None, runtime: int | None,
                seasons: list[dict[str, int]]) -> dict[str, Any]:
    title = " ".join(title.split())
    if not 1 <= len(title) <= 300:
        raise InvalidInput("Title must be 1-300 characters", field="title")
    if media_type not in ("movie", "tv"):
        raise InvalidInput("Type must be MOVIE or TV", field="type")
    if year is not None and not 1870 <= year <= 2100:
        raise InvalidInput("Year must be between 1870 and 2100", field="year")
    if len(genres) > 10 or any(not 1 <= len(g.strip()) <= 50 for g in genres):
        raise InvalidInput("Up to 10 genres of 1-50 characters", field="genres")
    certification = catalog.check_certification(certification)
    if runtime is not None and not 1 <= runtime <= 1000:
        raise InvalidInput("Runtime must be 1-1000 minutes", field="runtime")
    if media_type == "movie" and seasons:
        raise InvalidInput("Only TV shows have seasons", field="seasons")
    if len(seasons) > MAX_SEASONS or any(not 1 <= s["episodes"] <= MAX_EPISODES for s in seasons) \
            or len({s["number"] for s in seasons}) != len(seasons):
        raise InvalidInput(f"Up to {MAX_SEASONS} distinct seasons of 1-{MAX_EPISODES} episodes",
                           field="seasons")
    return {"title": title, "type": media_type, "year": year,
            "genres": sorted({g.strip() for g in genres}), "runtime": runtime,
            "certification": certification,
            # what people type is not a rating board's word: kids never see hand-entered titles
            "cert_level": None, "seasons": seasons}


async def create_media(driver: AsyncDriver, redis: Redis, p: Principal, overview: str | None,
                       **fields: Any) -> MediaRow:
    if overview is not None and len(overview) > 5000:
        raise InvalidInput("Overview must be at most 5000 characters", field="overview")
    checked = check_entry(**fields)
    known = {g["name"] for g in await catalog.genres(driver, None)}
    if set(checked["genres"]) - known:
        raise InvalidInput(f"Genres must be among {', '.join(sorted(known))}", field="genres")
    row = await repository.create_media(driver, p.user, acting(p), overview=overview, **checked)
    if row is None:
        raise InvalidInput("You have already added this title", field="title")
    await events.publish(redis, "media.created", profile=p.profile, media=row["uid"])
    return row


async def _follow_lists(driver: AsyncDriver, redis: Redis, p: Principal, show: str) -> ShowStatus:
    """Watching while part-way, Completed once every episode is watched, neither before."""
    profile = acting(p)
    status = await repository.show_status(driver, profile, show)
    assert status is not None
    done, started = status["watched"] == status["total"], status["watched"] > 0
    for name, wanted in (("Watching", started and not done), ("Completed", done)):
        list_id = await repository.system_list(driver, profile, name)
        if list_id is not None:
            await lists.follow(driver, redis, p, list_id, show, wanted)
    return status


async def progress(driver: AsyncDriver, redis: Redis, p: Principal, episode: str, seconds: int | None,
                   watched: bool | None, max_level: int | None) -> ProgressRow:
    if seconds is not None and not 0 <= seconds <= 24 * 3600:
        raise InvalidInput("progressSeconds must be between 0 and 86400", field="progressSeconds")
    found = await repository.set_progress(driver, p.user, acting(p), check_id(episode, "episodeId"), seconds, watched, max_level)
    if found is None:
        raise NotFound("No such episode", field="episodeId")
    row, show = found
    await _follow_lists(driver, redis, p, show)
    await events.publish(redis, "episode.progress", profile=p.profile, episode=episode, show=show)
    return row


async def in_progress(driver: AsyncDriver, p: Principal, max_level: int | None) -> list[ShowProgressRow]:
    """Shows the acting profile has started and not finished, with the next episode to watch."""
    return await repository.shows_in_progress(driver, p.user, acting(p), max_level)


async def mark(driver: AsyncDriver, redis: Redis, p: Principal, season: str | None,
               up_to: str | None, max_level: int | None) -> int:
    found = await repository.mark_episodes(driver, p.user, acting(p), check_id(season, "seasonId") if season else None,
                                           check_id(up_to, "episodeId") if up_to else None, max_level)
    if found is None:
        raise NotFound("No such season or episode", field="seasonId" if season else "episodeId")
    show, marked = found
    await _follow_lists(driver, redis, p, show)
    await events.publish(redis, "episode.progress", profile=p.profile, show=show)
    return marked
