"""Rating and watch rules (validation table 6.4) and their domain events."""

from __future__ import annotations

from datetime import UTC, datetime

from neo4j import AsyncDriver
from redis.asyncio import Redis

from app import events
from app.catalog.service import require_media
from app.errors import InvalidInput, NotFound
from app.kit.checks import check_id
from app.kit.principal import Principal, acting

from . import repository
from .rows import RatingRow, WatchRow


async def rate(driver: AsyncDriver, redis: Redis, p: Principal, media: str, rating: int,
               max_level: int | None) -> RatingRow:
    if not 1 <= rating <= 10:
        raise InvalidInput("Please select a rating (1-10)", field="rating")
    await require_media(driver, media, max_level)
    row = await repository.rate(driver, p.user, acting(p), media, rating)
    if row is None:
        raise NotFound("No such title", field="mediaId")
    await events.publish(redis, "media.rated", profile=p.profile, media=media, rating=rating)
    return row


def _when(at: datetime | None) -> str:
    now = datetime.now(UTC)
    if at is None:
        return now.isoformat()
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    if at > now:
        raise InvalidInput("A viewing cannot be in the future", field="watchedAt")
    if at.year < 1870:
        raise InvalidInput("That date is too early for a viewing", field="watchedAt")
    return at.isoformat()


async def watched(driver: AsyncDriver, redis: Redis, p: Principal, media: str,
                  at: datetime | None, max_level: int | None) -> WatchRow:
    when = _when(at)
    await require_media(driver, media, max_level)
    row = await repository.watch(driver, p.user, acting(p), media, when)
    if row is None:
        raise NotFound("No such title", field="mediaId")
    await events.publish(redis, "media.watched", profile=p.profile, media=media)
    return row


async def undo_watched(driver: AsyncDriver, redis: Redis, p: Principal, media: str) -> WatchRow | None:
    found, left = await repository.unwatch(driver, p.user, acting(p), check_id(media, "mediaId"))
    if not found:
        raise NotFound("This title is not in your watch history", field="mediaId")
    await events.publish(redis, "media.unwatched", profile=p.profile, media=media)
    return left
