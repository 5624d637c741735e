"""Catalog queries: media(id), mediaList(filter, first, after), genres, person(id)."""

from __future__ import annotations

import strawberry

from app.kit.checks import check_id
from app.kit.info import Info

from . import service
from .rows import MediaFilter, MediaRow, PersonRow
from .types import Genre, Media, MediaConnection, MediaEdge, MediaFilterInput, PageInfo, Person


def _to_filter(f: MediaFilterInput | None, max_level: int | None) -> MediaFilter:
    if f is None:
        return MediaFilter(max_level=max_level)
    return MediaFilter(
        type=f.type.value if f.type else None, genres=f.genres, year_from=f.year_from,
        year_to=f.year_to, title_prefix=f.title_prefix, max_level=max_level,
    )


@strawberry.type
class CatalogQuery:
    @strawberry.field
    async def media(self, info: Info, id: strawberry.ID) -> Media | None:
        row: MediaRow | None = await info.context.catalog.media.load(check_id(id, "id"))
        return Media.from_row(row) if row else None

    @strawberry.field
    async def media_list(
        self, info: Info, filter: MediaFilterInput | None = None, first: int = 20,
        after: str | None = None,
    ) -> MediaConnection:
        ctx = info.context
        filt = _to_filter(filter, ctx.catalog.max_level)
        page = await service.media_page(ctx.driver, filt, first, after, ctx.settings.api.max_page_size)
        for row in page.items:  # prime the loader so media(id) in the same request is free
            ctx.catalog.media.prime(row["uid"], row)
        edges = [MediaEdge(cursor=service.encode_cursor(r), node=Media.from_row(r)) for r in page.items]
        return MediaConnection(
            edges=edges,
            page_info=PageInfo(has_next_page=page.has_next,
                               end_cursor=edges[-1].cursor if edges else None),
            _filter=filt,
        )

    @strawberry.field
    async def genres(self, info: Info) -> list[Genre]:
        ctx = info.context
        return [Genre.from_row(g) for g in await service.genres(ctx.driver, ctx.catalog.max_level)]

    @strawberry.field
    async def person(self, info: Info, id: strawberry.ID) -> Person | None:
        row: PersonRow | None = await info.context.catalog.person.load(check_id(id, "id"))
        return Person.from_row(row) if row else None
