"""Discovery rules: page sizes, and highlight windows that give away no one's rating."""

from __future__ import annotations

import datetime as dt
from typing import Any

from neo4j import AsyncDriver

from app.errors import InvalidInput
from app.kit.checks import check_between

from . import repository
from .repository import GenreTop

PERIODS = {"day": dt.timedelta(days=1), "week": dt.timedelta(days=7)}
# Aggregates of at least this many ratings, over windows ending on a whole hour: fewer, or
# windows slid a second at a time, would give away one person's rating and when it was given.
MIN_RATINGS = 5


async def new_releases(driver: AsyncDriver, first: int, type: str | None, genre: str | None,
                       max_level: int | None, max_page: int) -> list[dict[str, Any]]:
    if genre is not None and not 1 <= len(genre) <= 50:
        raise InvalidInput("genre must be 1-50 characters", field="genre")
    return await repository.new_releases(driver, check_between(first, "first", 1, max_page), type,
                                         genre, max_level)


def _window_end(as_of: dt.datetime | None) -> dt.datetime:
    """asOf (default now), moved up to the next whole hour."""
    until = as_of or dt.datetime.now(dt.UTC)
    if until.tzinfo is None:
        until = until.replace(tzinfo=dt.UTC)
    if until.replace(minute=0, second=0, microsecond=0) != until:
        until = until.replace(minute=0, second=0, microsecond=0) + dt.timedelta(hours=1)
    return until


async def highlights(driver: AsyncDriver, period: str, per_genre: int, min_ratings: int,
                     as_of: dt.datetime | None, max_level: int | None) -> list[GenreTop]:
    until = _window_end(as_of)
    return await repository.highlights(
        driver, until - PERIODS[period], until, check_between(per_genre, "perGenre", 1, 10),
        check_between(min_ratings, "minRatings", MIN_RATINGS, 1000), max_level)
