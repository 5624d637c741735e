from __future__ import annotations

import datetime as dt

import strawberry

from app.kit.info import Info
from app.kit.temporal import when
from app.lists.types import ListOwner, Visibility

from . import service
from .rows import CommentRow, ReviewRow


@strawberry.type
class ReviewComment:
    id: strawberry.ID
    content: str
    author: ListOwner
    created_at: dt.datetime | None
    mentioned: list[strawberry.ID]

    @classmethod
    def from_row(cls, row: CommentRow) -> ReviewComment:
        a = row["author"]
        return cls(id=strawberry.ID(row["uid"]), content=row["content"],
                   author=ListOwner(id=strawberry.ID(a["uid"]), name=a["name"]),
                   created_at=when(row["created_at"]), mentioned=[strawberry.ID(m) for m in row["mentioned"]])


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
    def from_row(cls, row: ReviewRow) -> Review:
        a = row["author"]
        return cls(id=strawberry.ID(row["uid"]), media_id=strawberry.ID(row["media"]),
                   content=row["content"], contains_spoilers=row["contains_spoilers"],
                   visibility=Visibility(row["visibility"]),
                   author=ListOwner(id=strawberry.ID(a["uid"]), name=a["name"]),
                   helpful_count=row["helpful_count"], likes=row["likes"], funny=row["funny"],
                   comment_count=row["comment_count"], created_at=when(row["created_at"]),
                   updated_at=when(row["updated_at"]))

    @strawberry.field
    async def comments(self, info: Info, first: int = 50) -> list[ReviewComment]:
        rows = await service.comments(info.context.driver, info.context.caller.reader, str(self.id), first)
        return [ReviewComment.from_row(r) for r in rows]


@strawberry.type
class ReviewEdge:
    cursor: str
    node: Review


@strawberry.type
class ReviewConnection:
    edges: list[ReviewEdge]
    has_next_page: bool
    end_cursor: str | None


@strawberry.input
class CreateReviewInput:
    media_id: strawberry.ID
    content: str
    contains_spoilers: bool = False
    visibility: Visibility = Visibility.PUBLIC
