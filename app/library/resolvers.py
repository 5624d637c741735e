"""library(filter, first, after), markOwned, unmarkOwned."""

from __future__ import annotations

import strawberry

from app.catalog.rows import MediaFilter
from app.catalog.service import encode_cursor
from app.kit.info import Info

from . import service
from .types import LibraryConnection, LibraryEdge, LibraryEntry, LibraryFilterInput


@strawberry.type
class LibraryQuery:
    @strawberry.field(description="Every title the acting profile watched or owns, filtered by any metadata")
    async def library(self, info: Info, filter: LibraryFilterInput | None = None, first: int = 50,
                      after: str | None = None) -> LibraryConnection:
        ctx = info.context
        p = ctx.caller.require("read")
        f = filter or LibraryFilterInput()
        filt = MediaFilter(type=f.type.value if f.type else None, genres=f.genres, year_from=f.year_from,
                           year_to=f.year_to, title_prefix=f.title_prefix)
        rows, more = await service.page(ctx.driver, p, ctx.max_level, filt, f.min_rating, f.format,
                                        f.watched, f.owned, first, after, ctx.settings.api.max_page_size)
        edges = [LibraryEdge(cursor=encode_cursor(r["media"]), node=LibraryEntry.from_row(r)) for r in rows]
        return LibraryConnection(edges=edges, has_next_page=more,
                                 end_cursor=edges[-1].cursor if edges else None)


@strawberry.type
class LibraryMutation:
    @strawberry.mutation(description="Mark a title owned in a format; returns every format owned")
    async def mark_owned(self, info: Info, media_id: strawberry.ID, format: str,
                         provider: str | None = None) -> list[str]:
        ctx = info.context
        p = ctx.caller.require("write:activity")
        return await service.own(ctx.driver, ctx.auth.redis, p, str(media_id), format, provider, ctx.max_level)

    @strawberry.mutation
    async def unmark_owned(self, info: Info, media_id: strawberry.ID, format: str) -> bool:
        ctx = info.context
        return await service.disown(ctx.driver, ctx.auth.redis, ctx.caller.require("write:activity"),
                                    str(media_id), format)
