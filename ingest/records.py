"""The normalised rows every importer produces and graph_load writes."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class MediaRecord:
    external_key: str
    title: str
    year: int | None
    genres: list[str]
    type: str = "movie"
    original_title: str | None = None
    overview: str | None = None
    movielens_id: int | None = None
    tmdb_id: str | None = None
    imdb_id: str | None = None


@dataclass
class UserRecord:
    external_key: str
    display_name: str


@dataclass
class RatingRecord:
    user: str
    item: str
    rating: int  # 1-10
    ts: int  # epoch seconds


@dataclass
class WatchRecord:
    user: str
    item: str
    count: int
    ts: int


@dataclass
class TagRecord:
    user: str
    item: str
    tag: str
    ts: int


@dataclass
class FollowRecord:
    follower: str
    followee: str


@dataclass
class Records:
    media: list[MediaRecord] = field(default_factory=list)
    users: dict[str, UserRecord] = field(default_factory=dict)
    ratings: list[RatingRecord] = field(default_factory=list)
    watches: list[WatchRecord] = field(default_factory=list)
    tags: list[TagRecord] = field(default_factory=list)
    follows: list[FollowRecord] = field(default_factory=list)
    # where each media row came from, for warnings raised at load time
    origin: dict[str, tuple[str, int]] = field(default_factory=dict)

    def add_user(self, key: str, name: str) -> None:
        self.users.setdefault(key, UserRecord(key, name))


def as_params(rows: list[Any]) -> list[dict[str, Any]]:
    return [asdict(r) for r in rows]
