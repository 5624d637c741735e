from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry

from app.kit.temporal import when
from app.lists.types import ListOwner, Visibility

from . import service


@strawberry.type
class ReviewComment:
    id: strawberry.ID
    content: str
    author: ListOwner
    created_at: dt.datetime | None
    mentioned: list[strawberry.ID]

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> ReviewComment:
        a = row["author"]
        return cls(id=strawberry.ID(row["uid"]), content=row["content"],
                   author=ListOwner(id=strawberry.ID(a["uid"]), name=a.get("name")),
                   created_at=when(row.get("created_at")),
                   mentioned=[strawberry.ID(m) for m in row.get("mentioned") or []])


@strawberry.type
class Review:
    id: strawberry.ID
    media_id: strawberry.ID
    content: str
    contains_spoilers: bool
    visibility: Visibility
    author: ListOwner
    helpful_count: int
    likes: int
    funny: int
    comment_count: int
    created_at: dt.datetime | None
    updated_at: dt.datetime | None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Review:
        a = row["author"]
        return cls(id=strawberry.ID(row["uid"]), media_id=strawberry.ID(row["media"]),
                   content=row["content"], contains_spoilers=bool(row.get("contains_spoilers")),
                   visibility=Visibility(row.get("visibility") or "public"),
                   author=ListOwner(id=strawberry.ID(a["uid"]), name=a.get("name")),
                   helpful_count=int(row.get("helpful_count") or 0), likes=int(row.get("likes") or 0),
                   funny=int(row.get("funny") or 0), comment_count=int(row.get("comment_count") or 0),
                   created_at=when(row.get("created_at")), updated_at=when(row.get("updated_at")))

    @strawberry.field
    async def comments(self, info: strawberry.Info, first: int = 50) -> list[ReviewComment]:
        rows = await service.comments(info.context.driver, info.context.caller.reader, str(self.id), first)
        return [ReviewComment.from_row(r) for r in rows]


@strawberry.input
class CreateReviewInput:
    media_id: strawberry.ID
    content: str
    contains_spoilers: bool = False
    visibility: Visibility = Visibility.PUBLIC
