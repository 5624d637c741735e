from __future__ import annotations

import datetime as dt

import strawberry

from app.catalog.types import Media, MediaType
from app.kit.temporal import when

from .rows import ProgressRow, ShowProgressRow


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

    @classmethod
    def from_row(cls, episode: strawberry.ID, row: ProgressRow) -> EpisodeProgress:
        return cls(episode_id=episode, progress_seconds=int(row["progress_seconds"] or 0),
                   is_watched=bool(row["is_watched"]), watched_at=when(row["watched_at"]))


@strawberry.type
class ShowProgress:
    show: Media
    watched_episodes: int
    total_episodes: int
    next_episode: Episode | None

    @classmethod
    def from_row(cls, row: ShowProgressRow) -> ShowProgress:
        n = row["next"]
        return cls(show=Media.from_row(row["show"]), watched_episodes=row["watched"],
                   total_episodes=row["total"],
                   next_episode=Episode(id=strawberry.ID(n["episode"]["uid"]), season_number=n["season"],
                                        episode_number=n["episode"]["episode_number"],
                                        title=n["episode"]["title"]) if n else None)


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
