from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry

from app.kit.temporal import when


@strawberry.type
class Rating:
    rating: int
    rated_at: dt.datetime | None
    history: list[int] = strawberry.field(description="Earlier values, oldest first")

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Rating:
        return cls(rating=row["rating"], rated_at=when(row.get("rated_at")),
                   history=list(row.get("history") or []))
