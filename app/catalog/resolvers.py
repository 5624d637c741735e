"""Catalog queries: media(id), mediaList(filter, first, after), genres, person(id)."""

from __future__ import annotations

from typing import Any

import strawberry

from app.search.types import SearchFacets

from . import repository, service
from .repository import MediaFilter
from .types import Genre, Media, MediaEdge, MediaFilterInput, PageInfo, Person

Info = strawberry.Info  # context is app.graphql.context.Context


@strawberry.type
class MediaConnection:
    edges: list[MediaEdge]
    page_info: PageInfo
    _filter: strawberry.Private[MediaFilter | None] = None
    _total: strawberry.Private[int | None] = None  # known already (a search counts its hits)
    facets: SearchFacets | None = strawberry.field(
        default=None, description="Search: counts per value over every match")

    @strawberry.field(description="Titles matching, over all pages")
    async def total_count(self, info: Info) -> int:
        if self._total is not None or self._filter is None:
            return self._total or 0
        return await repository.count_media(info.context.driver, self._filter)


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
        row: dict[str, Any] | None = await info.context.catalog.media.load(service.check_id(id))
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
        return [Genre.from_row(g) for g in await repository.list_genres(ctx.driver, ctx.catalog.max_level)]

    @strawberry.field
    async def person(self, info: Info, id: strawberry.ID) -> Person | None:
        row: dict[str, Any] | None = await info.context.catalog.person.load(service.check_id(id))
        return Person.from_row(row) if row else None
