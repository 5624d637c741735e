"""The normalised rows every importer produces and graph_load writes."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from graph_model.media import genre_level

if TYPE_CHECKING:
    from .rows import Collector


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
    # what a capped (kid) profile compares with while no certification is known
    genre_level: int | None = field(init=False)

    def __post_init__(self) -> None:
        self.genre_level = genre_level(self.genres)


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
    ts: int  # last watched
    first_ts: int


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
    _tmdb: dict[str, int] = field(default_factory=dict)
    _imdb: dict[str, int] = field(default_factory=dict)
    _watch: dict[tuple[str, str], WatchRecord] = field(default_factory=dict)

    def add_user(self, key: str, name: str) -> None:
        self.users.setdefault(key, UserRecord(key, name))

    def add_media(self, media: MediaRecord, file: str, line: int, col: Collector) -> None:
        """Keeps external ids unique within one import (the graph enforces it too)."""
        if media.external_key in self.origin:
            col.problem(file, line, f"id repeats line {self.origin[media.external_key][1]}")
            return
        for attr, seen in (("tmdb_id", self._tmdb), ("imdb_id", self._imdb)):
            value = getattr(media, attr)
            if value is None:
                continue
            if value in seen:
                col.warn(file, line, f"{attr.replace('_id', 'Id')} {value} already used on line "
                         f"{seen[value]}; stored without it")
                setattr(media, attr, None)
            else:
                seen[value] = line
        self.media.append(media)
        self.origin[media.external_key] = (file, line)

    def add_watch(self, watch: WatchRecord) -> None:
        """One row per watch adds up: the count grows, first/last span the rows."""
        key = (watch.user, watch.item)
        if key not in self._watch:
            self._watch[key] = watch
            self.watches.append(watch)
            return
        kept = self._watch[key]
        kept.count += watch.count
        kept.first_ts = min(kept.first_ts, watch.first_ts)
        kept.ts = max(kept.ts, watch.ts)


def as_params(rows: list[Any]) -> list[dict[str, Any]]:
    return [asdict(r) for r in rows]
