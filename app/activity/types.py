from __future__ import annotations

import datetime as dt

import strawberry

from app.kit.temporal import when

from .rows import RatingRow


@strawberry.type
class Rating:
    rating: int
    rated_at: dt.datetime | None
    history: list[int] = strawberry.field(description="Earlier values, oldest first")

    @classmethod
    def from_row(cls, row: RatingRow) -> Rating:
        return cls(rating=row["rating"], rated_at=when(row["rated_at"]), history=row["history"])
