"""createMedia (manual entry), updateEpisodeProgress (the spec's name), markSeasonWatched,
markWatchedUpTo, showsInProgress with the next episode to watch."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry

from app.catalog.types import Media, MediaType
from app.kit.principal import acting
from app.kit.temporal import when

from . import repository, service

Info = strawberry.Info  # context is app.graphql.context.Context


@strawberry.type
class Episode:
    id: strawberry.ID
    season_number: int
    episode_number: int
    title: str | None


@strawberry.type
class EpisodeProgress:
    episode_id: strawberry.ID
    progress_seconds: int
    is_watched: bool
    watched_at: dt.datetime | None


@strawberry.type
class ShowProgress:
    show: Media
    watched_episodes: int
    total_episodes: int
    next_episode: Episode | None


@strawberry.input
class SeasonInput:
    number: int
    episodes: int
    episode_runtime: int | None = None


@strawberry.input
class CreateMediaInput:
    type: MediaType
    title: str
    year: int | None = None
    overview: str | None = None
    genres: list[str] = strawberry.field(default_factory=list)
    certification: str | None = None
    runtime: int | None = None
    seasons: list[SeasonInput] = strawberry.field(default_factory=list)


@strawberry.input
class EpisodeProgressInput:
    episode_id: strawberry.ID
    progress_seconds: int | None = None
    watched: bool | None = None


def _episode(row: dict[str, Any] | None) -> Episode | None:
    if not row:
        return None
    e = row["episode"]
    return Episode(id=strawberry.ID(e["uid"]), season_number=row["season"],
                   episode_number=e["episode_number"], title=e.get("title"))


@strawberry.type
class TvQuery:
    @strawberry.field(description="Shows the acting profile has started, with the next episode to watch")
    async def shows_in_progress(self, info: Info) -> list[ShowProgress]:
        ctx = info.context
        p = ctx.caller.require("read")
        rows = await repository.shows_in_progress(ctx.driver, p.user, acting(p), ctx.max_level)
        return [ShowProgress(show=Media.from_row(r["show"]), watched_episodes=r["watched"],
                             total_episodes=r["total"], next_episode=_episode(r["next"])) for r in rows]


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
        return EpisodeProgress(episode_id=input.episode_id, progress_seconds=int(row["progress_seconds"] or 0),
                               is_watched=bool(row["is_watched"]), watched_at=when(row.get("watched_at")))

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
