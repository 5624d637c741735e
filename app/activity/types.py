from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry

from app.graphql.convert import when




@strawberry.type
class Rating:
    rating: int
    rated_at: dt.datetime | None
    history: list[int] = strawberry.field(description="Earlier values, oldest first")

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> "Rating":
        return cls(rating=row["rating"], rated_at=when(row.get("rated_at")),
                   history=list(row.get("history") or []))


@strawberry.type
class WatchHistory:
    watch_count: int
    first_watched_at: dt.datetime | None
    last_watched_at: dt.datetime | None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> "WatchHistory":
        return cls(watch_count=int(row.get("watch_count") or 0),
                   first_watched_at=when(row.get("first_watched_at")),
                   last_watched_at=when(row.get("last_watched_at")))
