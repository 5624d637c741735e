from __future__ import annotations

import strawberry

from app.catalog.types import Media, MediaType

from .rows import LibraryRow


@strawberry.type
class LibraryEntry:
    media: Media
    my_rating: int | None
    watch_count: int
    formats: list[str]

    @classmethod
    def from_row(cls, row: LibraryRow) -> LibraryEntry:
        return cls(media=Media.from_row(row["media"]), my_rating=row["rating"],
                   watch_count=int(row["watch_count"] or 0), formats=row["formats"])


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
