"""GraphQL types of search: the input, facets and autocomplete suggestions."""

from __future__ import annotations

from enum import Enum
from typing import Any

import strawberry

from app.catalog.types import MediaType
from search.query import Facets, Range, Suggestion


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
class FacetValue:
    value: str
    count: int


@strawberry.type
class NumberRange:
    min: float | None
    max: float | None

    @classmethod
    def of(cls, r: Range) -> NumberRange:
        return cls(min=r.min, max=r.max)


def _values(counts: dict[str, int], rename: Any = str) -> list[FacetValue]:
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [FacetValue(value=rename(k), count=v) for k, v in ordered]


@strawberry.type
class SearchFacets:
    genres: list[FacetValue]
    types: list[FacetValue] = strawberry.field(description="MOVIE or TV")
    providers: list[FacetValue]
    certifications: list[FacetValue]
    decades: list[FacetValue] = strawberry.field(description="1990 for 1990-1999")
    year: NumberRange
    rating: NumberRange

    @classmethod
    def of(cls, f: Facets) -> SearchFacets:
        c = f.counts
        return cls(genres=_values(c["genres"]), types=_values(c["type"], lambda v: str(v).upper()),
                   providers=_values(c["providers"]), certifications=_values(c["certification"]),
                   decades=sorted(_values(c["decade"]), key=lambda v: v.value),
                   year=NumberRange.of(f.year), rating=NumberRange.of(f.rating))


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
