"""library(filter, first, after), markOwned, unmarkOwned."""

from __future__ import annotations

from typing import Any

import strawberry

from app import events
from app.catalog.repository import MediaFilter
from app.catalog.service import encode_cursor
from app.catalog.types import Media, MediaType
from app.kit.principal import acting

from . import repository, service

Info = strawberry.Info  # context is app.graphql.context.Context


@strawberry.type
class LibraryEntry:
    media: Media
    my_rating: int | None
    watch_count: int
    formats: list[str]


@strawberry.type
class LibraryEdge:
    cursor: str
    node: LibraryEntry


@strawberry.type
class LibraryConnection:
    edges: list[LibraryEdge]
    has_next_page: bool
    end_cursor: str | None


@strawberry.input
class LibraryFilterInput:
    type: MediaType | None = None
    genres: list[str] | None = None
    year_from: int | None = None
    year_to: int | None = None
    title_prefix: str | None = None
    min_rating: int | None = None
    format: str | None = strawberry.field(default=None, description="bluray, uhd_4k, dvd, digital, streaming")
    watched: bool | None = None
    owned: bool | None = None


def _entry(row: dict[str, Any]) -> LibraryEntry:
    return LibraryEntry(media=Media.from_row(row["media"]), my_rating=row["rating"],
                        watch_count=int(row["watch_count"] or 0), formats=list(row["formats"]))


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
        edges = [LibraryEdge(cursor=encode_cursor(r["media"]), node=_entry(r)) for r in rows]
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
        p = ctx.caller.require("write:activity")
        done = await repository.disown(ctx.driver, p.user, acting(p), str(media_id)[:64],
                                       service.check_format(format))
        if done:
            await events.publish(ctx.auth.redis, "media.unowned", profile=p.profile, media=str(media_id))
        return done
