"""The rows the library repository returns."""

from __future__ import annotations

from typing import TypedDict

from app.catalog.rows import MediaRow


class LibraryRow(TypedDict):
    media: MediaRow
    rating: int | None
    watch_count: int | None
    formats: list[str]
