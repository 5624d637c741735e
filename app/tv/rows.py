"""The rows the TV repository returns."""

from __future__ import annotations

from typing import Any, TypedDict

from app.catalog.rows import MediaRow


class EpisodeRef(TypedDict):
    uid: str
    episode_number: int
    title: str | None


class NextEpisode(TypedDict):
    episode: EpisodeRef
    season: int


class ShowProgressRow(TypedDict):
    show: MediaRow
    watched: int
    total: int
    next: NextEpisode | None


class ShowStatus(TypedDict):
    show: str
    watched: int
    total: int


class ProgressRow(TypedDict):
    progress_seconds: int | None
    is_watched: bool | None
    watched_at: Any  # a Neo4j DateTime, or None


class SeasonEpisode(TypedDict):
    uid: str
    episode_number: int
    title: str | None
    runtime: int | None
    watched: bool  # by the acting profile
    progress_seconds: int


class SeasonRow(TypedDict):
    uid: str
    season_number: int
    episodes: list[SeasonEpisode]  # in order
