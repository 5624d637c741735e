"""createMedia (manual entry), updateEpisodeProgress (the spec's name), markSeasonWatched,
markWatchedUpTo, showsInProgress with the next episode to watch."""

from __future__ import annotations

import strawberry

from app.catalog.types import Media
from app.kit.info import Info

from . import service
from .types import CreateMediaInput, EpisodeProgress, EpisodeProgressInput, ShowProgress


@strawberry.type
class TvQuery:
    @strawberry.field(description="Shows the acting profile has started, with the next episode to watch")
    async def shows_in_progress(self, info: Info) -> list[ShowProgress]:
        ctx = info.context
        rows = await service.in_progress(ctx.driver, ctx.caller.require("read"), ctx.max_level)
        return [ShowProgress.from_row(r) for r in rows]


@strawberry.type
class TvMutation:
    @strawberry.mutation(description="Enter a title no catalog knows (a TV show with its seasons)")
    async def create_media(self, info: Info, input: CreateMediaInput) -> Media:
        ctx = info.context
        p = ctx.caller.require("write:activity")
        row = await service.create_media(
            ctx.driver, ctx.auth.redis, p, overview=input.overview, title=input.title,
            media_type=input.type.value, year=input.year, genres=input.genres,
            certification=input.certification, runtime=input.runtime,
            seasons=[{"number": s.number, "episodes": s.episodes, "runtime": s.episode_runtime}
                     for s in input.seasons])
        return Media.from_row(row)

    @strawberry.mutation
    async def update_episode_progress(self, info: Info, input: EpisodeProgressInput) -> EpisodeProgress:
        ctx = info.context
        p = ctx.caller.require("write:activity")
        row = await service.progress(ctx.driver, ctx.auth.redis, p, str(input.episode_id),
                                     input.progress_seconds, input.watched, ctx.max_level)
        return EpisodeProgress.from_row(input.episode_id, row)

    @strawberry.mutation(description="Mark every episode of a season watched; returns how many")
    async def mark_season_watched(self, info: Info, season_id: strawberry.ID) -> int:
        ctx = info.context
        return await service.mark(ctx.driver, ctx.auth.redis, ctx.caller.require("write:activity"),
                                  str(season_id), None, ctx.max_level)

    @strawberry.mutation(description="Mark a show watched up to and including an episode")
    async def mark_watched_up_to(self, info: Info, episode_id: strawberry.ID) -> int:
        ctx = info.context
        return await service.mark(ctx.driver, ctx.auth.redis, ctx.caller.require("write:activity"),
                                  None, str(episode_id), ctx.max_level)
