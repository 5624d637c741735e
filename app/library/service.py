"""Owned formats and the library view's filters."""

from __future__ import annotations

from neo4j import AsyncDriver
from redis.asyncio import Redis

from app import events
from app.catalog.rows import MediaFilter
from app.catalog.service import check_filter, decode_cursor, require_media
from app.errors import InvalidInput, NotFound
from app.kit.checks import check_id
from app.kit.principal import Principal, acting

from . import repository
from .rows import LibraryRow

FORMATS = ("bluray", "uhd_4k", "dvd", "digital", "streaming")


def check_format(format: str) -> str:
    if format not in FORMATS:
        raise InvalidInput("Format must be Blu-ray, 4K, DVD, digital or streaming", field="format")
    return format


async def own(driver: AsyncDriver, redis: Redis, p: Principal, media: str, format: str,
              provider: str | None, max_level: int | None) -> list[str]:
    if provider is not None and not 1 <= len(provider) <= 50:
        raise InvalidInput("Provider must be 1-50 characters", field="provider")
    await require_media(driver, media, max_level)
    formats = await repository.own(driver, p.user, acting(p), check_id(media, "mediaId"),
                                   check_format(format), provider)
    if formats is None:
        raise NotFound("No such title", field="mediaId")
    await events.publish(redis, "media.owned", profile=p.profile, media=media, format=format)
    return formats


async def disown(driver: AsyncDriver, redis: Redis, p: Principal, media: str, format: str) -> bool:
    """Forgets one owned format; False when it was not owned."""
    done = await repository.disown(driver, p.user, acting(p), check_id(media, "mediaId"), check_format(format))
    if done:
        await events.publish(redis, "media.unowned", profile=p.profile, media=media)
    return done


async def page(driver: AsyncDriver, p: Principal, max_level: int | None, filt: MediaFilter,
               min_rating: int | None, format: str | None, watched: bool | None, owned: bool | None,
               first: int, after: str | None, max_page: int) -> tuple[list[LibraryRow], bool]:
    if not 1 <= first <= max_page:
        raise InvalidInput(f"first must be between 1 and {max_page}", field="first")
    check_filter(filt)
    if min_rating is not None and not 1 <= min_rating <= 10:
        raise InvalidInput("Please select a rating (1-10)", field="filter.minRating")
    params = {**filt.params(), "max_level": max_level, "min_rating": min_rating,
              "format": check_format(format) if format else None, "watched": watched, "owned": owned}
    rows = await repository.library(driver, p.user, acting(p), first + 1,
                                    decode_cursor(after) if after else None, **params)
    return rows[:first], len(rows) > first
