"""newReleases and highlights (the day's or week's best-rated titles per genre)."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any

import strawberry

from app.catalog.types import Genre, Media, MediaType
from app.errors import InvalidInput
from app.kit.checks import check_between

from . import repository

Info = strawberry.Info
PERIODS = {"day": dt.timedelta(days=1), "week": dt.timedelta(days=7)}
# Aggregates of at least this many ratings, over windows ending on a whole hour: fewer, or
# windows slid a second at a time, would give away one person's rating and when it was given.
MIN_RATINGS = 5


@strawberry.enum
class HighlightPeriod(Enum):
    DAY = "day"
    WEEK = "week"


@strawberry.type
class HighlightedTitle:
    media: Media
    average_rating: float = strawberry.field(description="Mean of the period's ratings, 1-10")
    rating_count: int = strawberry.field(description="Ratings given in the period")


@strawberry.type
class GenreHighlights:
    genre: Genre
    titles: list[HighlightedTitle]


@strawberry.type
class DiscoveryQuery:
    @strawberry.field(description="The newest titles already released, newest first")
    async def new_releases(self, info: Info, first: int = 20, type: MediaType | None = None,
                           genre: str | None = None) -> list[Media]:
        ctx = info.context
        if genre is not None and not 1 <= len(genre) <= 50:
            raise InvalidInput("genre must be 1-50 characters", field="genre")
        rows = await repository.new_releases(
            ctx.driver, check_between(first, "first", 1, ctx.settings.api.max_page_size),
            type.value if type else None, genre, ctx.max_level)
        for row in rows:
            ctx.catalog.media.prime(row["uid"], row)
        return [Media.from_row(r) for r in rows]

    @strawberry.field(description="The period's best-rated titles in each genre: ratings given "
                                  "in the day or week up to asOf (default now), on the hour; "
                                  "titles with at least minRatings (5 or more) of them")
    async def highlights(self, info: Info, period: HighlightPeriod = HighlightPeriod.WEEK,
                         per_genre: int = 3, min_ratings: int = MIN_RATINGS,
                         as_of: dt.datetime | None = None) -> list[GenreHighlights]:
        ctx = info.context
        until = as_of or dt.datetime.now(dt.UTC)
        if until.tzinfo is None:
            until = until.replace(tzinfo=dt.UTC)
        if until.replace(minute=0, second=0, microsecond=0) != until:  # up to the next whole hour
            until = until.replace(minute=0, second=0, microsecond=0) + dt.timedelta(hours=1)
        rows = await repository.highlights(
            ctx.driver, until - PERIODS[period.value], until, check_between(per_genre, "perGenre", 1, 10),
            check_between(min_ratings, "minRatings", MIN_RATINGS, 1000), ctx.max_level)

        def title(t: dict[str, Any]) -> HighlightedTitle:
            return HighlightedTitle(media=Media.from_row(t["media"]), average_rating=round(t["average"], 2),
                                    rating_count=t["ratings"])
        return [GenreHighlights(genre=Genre.from_row(r["genre"]), titles=[title(t) for t in r["top"]])
                for r in rows]
