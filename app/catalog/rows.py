"""What the catalog repository takes (a filter) and returns (rows).

A title's or a person's row is its node's property map (`m {.*}`): which properties it
holds depends on what each import knew, so it stays an open mapping; Media.from_row and
Person.from_row read it with defaults."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, NotRequired, TypedDict

MediaRow = dict[str, Any]
# the request's capped title loader (`load_many`): rows in the order asked, None where hidden
LoadMedia = Callable[[list[str]], Awaitable[list[MediaRow | None]]]
PersonRow = dict[str, Any]


class GenreRow(TypedDict):
    uid: str
    name: str
    media_count: NotRequired[int | None]  # only where genres are listed on their own


@dataclass(frozen=True)
class MediaFilter:
    type: str | None = None
    genres: list[str] | None = None
    year_from: int | None = None
    year_to: int | None = None
    title_prefix: str | None = None
    max_level: int | None = None  # the viewer's certification cap (kid profiles)

    def params(self) -> dict[str, Any]:
        return {
            "type": self.type, "genres": self.genres, "year_from": self.year_from,
            "year_to": self.year_to, "max_level": self.max_level,
            "title_prefix": self.title_prefix.lower() if self.title_prefix else None,
        }
