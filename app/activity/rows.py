"""The rows the activity repository returns."""

from __future__ import annotations

from typing import Any, TypedDict


class RatingRow(TypedDict):
    rating: int
    rated_at: Any  # Neo4j DateTimes
    history: list[int]
    history_at: list[Any]


class WatchRow(TypedDict):
    watch_count: int
    first_watched_at: Any
    last_watched_at: Any


class MineRow(TypedDict):
    """The acting profile's own record of one title (the mine loader's row)."""
    rating: RatingRow | None
    watch: WatchRow | None
