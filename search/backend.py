"""The one interface both search backends implement; the contract tests hold them to it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Protocol

from .documents import MediaDoc, PersonDoc
from .query import SearchRequest, SearchResult, Suggestion


class SearchBackend(Protocol):
    name: str

    async def search(self, request: SearchRequest) -> SearchResult:
        """Titles matching the request, with facet counts over every match."""
        ...

    async def autocomplete(self, prefix: str, limit: int, max_cert_level: int | None) -> list[Suggestion]:
        """Titles then people whose words start with (or nearly start with) the prefix."""
        ...

    async def upsert(self, media: list[MediaDoc], people: list[PersonDoc]) -> None:
        """Adds or replaces documents by id; visible to searches when this returns."""
        ...

    async def delete(self, ids: list[str]) -> None:
        """Removes titles and people by id; visible when this returns."""
        ...

    async def rebuild(self, batches: AsyncIterator[tuple[list[MediaDoc], list[PersonDoc]]]) -> int:
        """Replaces the whole index with the documents given; searches keep seeing the old
        index until the new one is complete. Returns the number of documents."""
        ...

    async def digests(self) -> dict[str, str]:
        """id -> digest of every document, for the consistency check."""
        ...

    async def ping(self) -> int:
        """The number of documents; raises when the backend cannot answer."""
        ...

    async def close(self) -> None:
        ...
