"""GraphQL types of search: the input and autocomplete suggestions (facets are the catalog's)."""

from __future__ import annotations

from enum import Enum

import strawberry

from app.catalog.types import MediaType
from search.query import Suggestion


@strawberry.enum
class SearchSort(Enum):
    RELEVANCE = "relevance"
    RATING = "rating"
    POPULARITY = "popularity"
    NEWEST = "newest"
    OLDEST = "oldest"


@strawberry.input
class SearchFiltersInput:
    genres: list[str] | None = strawberry.field(default=None, description="any of these genres")
    year_from: int | None = None
    year_to: int | None = None
    rating_min: float | None = strawberry.field(default=None, description="platform average, 1-10")
    rating_max: float | None = None
    type: MediaType | None = None
    providers: list[str] | None = strawberry.field(default=None, description="streaming on any of these")
    certifications: list[str] | None = None


@strawberry.input
class SearchInput:
    query: str = strawberry.field(description="2-200 characters; typos and a trailing prefix match")
    filters: SearchFiltersInput | None = None
    sort: SearchSort = SearchSort.RELEVANCE
    first: int = 20
    after: str | None = None


@strawberry.type
class MediaSuggestion:
    id: strawberry.ID
    title: str
    year: int | None
    type: MediaType | None
    highlighted: str = strawberry.field(description="HTML-escaped, the typed part in <mark>")

    @classmethod
    def of(cls, s: Suggestion) -> MediaSuggestion:
        return cls(id=strawberry.ID(s.id), title=s.label, year=s.year,
                   type=MediaType(s.type) if s.type else None, highlighted=s.highlighted)


@strawberry.type
class PersonSuggestion:
    id: strawberry.ID
    name: str
    highlighted: str

    @classmethod
    def of(cls, s: Suggestion) -> PersonSuggestion:
        return cls(id=strawberry.ID(s.id), name=s.label, highlighted=s.highlighted)


@strawberry.type
class Autocomplete:
    media: list[MediaSuggestion]
    people: list[PersonSuggestion]
