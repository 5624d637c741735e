"""rateMedia, markAsWatched, unmarkAsWatched (the spec's names)."""

from __future__ import annotations

import datetime as dt

import strawberry

from app.catalog.types import WatchHistory
from app.kit.info import Info

from . import service
from .types import Rating


@strawberry.type
class ActivityMutation:
    @strawberry.mutation
    async def rate_media(self, info: Info, media_id: strawberry.ID, rating: int) -> Rating:
        ctx = info.context
        p = ctx.caller.require("write:activity")
        return Rating.from_row(await service.rate(ctx.driver, ctx.auth.redis, p, str(media_id), rating, ctx.max_level))

    @strawberry.mutation
    async def mark_as_watched(self, info: Info, media_id: strawberry.ID,
                              watched_at: dt.datetime | None = None) -> WatchHistory:
        ctx = info.context
        p = ctx.caller.require("write:activity")
        row = await service.watched(ctx.driver, ctx.auth.redis, p, str(media_id), watched_at, ctx.max_level)
        return WatchHistory.from_row(row)

    @strawberry.mutation(description="Undo the latest viewing; null when none is left")
    async def unmark_as_watched(self, info: Info, media_id: strawberry.ID) -> WatchHistory | None:
        ctx = info.context
        p = ctx.caller.require("write:activity")
        left = await service.undo_watched(ctx.driver, ctx.auth.redis, p, str(media_id))
        return WatchHistory.from_row(left) if left else None
