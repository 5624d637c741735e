from __future__ import annotations

import datetime as dt
from enum import Enum

import strawberry

from app.catalog.rows import MediaRow
from app.catalog.types import Media
from app.kit.info import Info
from app.kit.temporal import when

from . import service
from .rows import ItemRow, ListRow


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
    def from_rows(cls, item: ItemRow, media: MediaRow) -> ListItem:
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


@strawberry.type
class Collaborator:
    id: strawberry.ID
    name: str | None
    role: str


@strawberry.type
class MediaList:
    id: strawberry.ID
    name: str
    description: str | None
    icon: str | None
    visibility: Visibility
    is_system: bool
    item_count: int
    owner: ListOwner | None
    mine: bool
    role: str | None = strawberry.field(description="viewer or editor when shared with you")

    @classmethod
    def from_row(cls, row: ListRow) -> MediaList:
        owner = row["owner"]
        return cls(id=strawberry.ID(row["uid"]), name=row["name"], description=row["description"],
                   icon=row["icon"], visibility=Visibility(row["visibility"]), is_system=row["is_system"],
                   item_count=row["item_count"],
                   owner=ListOwner(id=strawberry.ID(owner["uid"]), name=owner["name"]) if owner else None,
                   mine=row["mine"], role=row["role"])

    @strawberry.field(description="Who it is shared with (the owner only sees this)")
    async def collaborators(self, info: Info) -> list[Collaborator]:
        if not self.mine:
            return []
        rows = await info.context.collaborators.load(str(self.id))
        return [Collaborator(id=strawberry.ID(r["id"]), name=r["name"], role=r["role"]) for r in rows]

    @strawberry.field
    async def items(self, info: Info, first: int = 50, after: str | None = None) -> ListItemConnection:
        ctx = info.context
        page = await service.items(ctx.driver, str(self.id), first, after, ctx.max_level,
                                   ctx.settings.api.max_page_size)
        edges = []
        for item, media in page.items:
            ctx.catalog.media.prime(media["uid"], media)
            edges.append(ListItemEdge(cursor=item["position"], node=ListItem.from_rows(item, media)))
        return ListItemConnection(edges=edges, has_next_page=page.has_next,
                                  end_cursor=edges[-1].cursor if edges else None)


@strawberry.input
class CreateListInput:
    name: str
    description: str | None = None
    icon: str | None = None
    visibility: Visibility = Visibility.PRIVATE
