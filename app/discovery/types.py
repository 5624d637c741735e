"""GraphQL types of discovery: highlighted titles per genre."""

from __future__ import annotations

from enum import Enum

import strawberry

from app.catalog.types import Genre, Media


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
