from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any

import strawberry

from app.catalog.types import Media
from app.kit.temporal import when


@strawberry.enum
class Visibility(Enum):
    PUBLIC = "public"
    FRIENDS = "friends"
    PRIVATE = "private"


@strawberry.type
class ListOwner:
    id: strawberry.ID
    name: str | None


@strawberry.type
class ListItem:
    position: str = strawberry.field(description="Sort key; compare as strings")
    note: str | None
    added_at: dt.datetime | None
    media: Media

    @classmethod
    def from_rows(cls, item: dict[str, Any], media: dict[str, Any]) -> ListItem:
        return cls(position=item["position"], note=item.get("note"), added_at=when(item.get("added_at")),
                   media=Media.from_row(media))


@strawberry.type
class ListItemEdge:
    cursor: str
    node: ListItem


@strawberry.type
class ListItemConnection:
    edges: list[ListItemEdge]
    has_next_page: bool
    end_cursor: str | None


@strawberry.input
class CreateListInput:
    name: str
    description: str | None = None
    icon: str | None = None
    visibility: Visibility = Visibility.PRIVATE
