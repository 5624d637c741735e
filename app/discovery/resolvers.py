"""newReleases and highlights (the day's or week's best-rated titles per genre)."""

from __future__ import annotations

import datetime as dt

import strawberry

from app.catalog.types import Genre, Media, MediaType
from app.kit.info import Info

from . import service
from .types import GenreHighlights, HighlightedTitle, HighlightPeriod


@strawberry.type
class DiscoveryQuery:
    @strawberry.field(description="The newest titles already released, newest first")
    async def new_releases(self, info: Info, first: int = 20, type: MediaType | None = None,
                           genre: str | None = None) -> list[Media]:
        ctx = info.context
        rows = await service.new_releases(ctx.driver, first, type.value if type else None, genre,
                                          ctx.max_level, ctx.settings.api.max_page_size)
        for row in rows:
            ctx.catalog.media.prime(row["uid"], row)
        return [Media.from_row(r) for r in rows]

    @strawberry.field(description="The period's best-rated titles in each genre: ratings given "
                                  "in the day or week up to asOf (default now), on the hour; "
                                  "titles with at least minRatings (5 or more) of them")
    async def highlights(self, info: Info, period: HighlightPeriod = HighlightPeriod.WEEK,
                         per_genre: int = 3, min_ratings: int = service.MIN_RATINGS,
                         as_of: dt.datetime | None = None) -> list[GenreHighlights]:
        ctx = info.context
        rows = await service.highlights(ctx.driver, period.value, per_genre, min_ratings, as_of,
                                        ctx.max_level)
        return [GenreHighlights(genre=Genre.from_row(r["genre"]),
                                titles=[HighlightedTitle(media=Media.from_row(t["media"]),
                                                         average_rating=round(t["average"], 2),
                                                         rating_count=t["ratings"])
                                        for t in r["top"]])
                for r in rows]
