"""Search rules: input limits, the kid cap, cursors. Resolvers call these; the backend
(search/) does the matching."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.catalog.rows import LoadMedia
from app.catalog.service import check_years
from app.errors import InvalidInput
from app.kit import cursor
from app.kit.checks import check_between, check_values
from search import SearchBackend
from search.query import Filters, Hit, SearchRequest, SearchResult, Sort, Suggestion, words

MIN_QUERY = 2
MAX_QUERY = 200
MAX_WINDOW = 1000  # the deepest result a search pages to (Meilisearch's maxTotalHits)
SHORT_QUERY = "Enter at least 2 characters"

# the viewer's capped title loader: a title it may not see comes back as None


@dataclass(frozen=True)
class FilterValues:
    genres: list[str] | None = None
    year_from: int | None = None
    year_to: int | None = None
    rating_min: float | None = None
    rating_max: float | None = None
    type: str | None = None
    providers: list[str] | None = None
    certifications: list[str] | None = None


def check_text(text: str, field: str, max_len: int = MAX_QUERY) -> str:
    text = " ".join(text.split())
    if len(text) < MIN_QUERY:
        raise InvalidInput(SHORT_QUERY, field=field)
    if len(text) > max_len:
        raise InvalidInput(f"{field.split('.')[-1]} must be at most {max_len} characters", field=field)
    if not words(text):  # "!!" is two characters, but nothing to search for
        raise InvalidInput("Enter at least one letter or digit", field=field)
    return text


def check_filters(f: FilterValues | None, max_level: int | None) -> Filters:
    if f is None:
        return Filters(max_cert_level=max_level)
    base = "input.filters"
    check_years(f.year_from, f.year_to, base)
    for name, rating in (("ratingMin", f.rating_min), ("ratingMax", f.rating_max)):
        if rating is not None and not 1 <= rating <= 10:
            raise InvalidInput(f"{name} must be between 1 and 10", field=f"{base}.{name}")
    if f.rating_min is not None and f.rating_max is not None and f.rating_min > f.rating_max:
        raise InvalidInput("ratingMin must not be above ratingMax", field=f"{base}.ratingMin")
    return Filters(
        genres=check_values(f.genres, f"{base}.genres", 50), year_from=f.year_from, year_to=f.year_to,
        rating_min=f.rating_min, rating_max=f.rating_max, type=f.type,
        providers=check_values(f.providers, f"{base}.providers", 50),
        certifications=check_values(f.certifications, f"{base}.certifications", 10),
        max_cert_level=max_level,
    )


def encode_cursor(position: int) -> str:
    return cursor.encode(position)


def decode_cursor(after: str) -> int:
    (position,) = cursor.decode(after, ("int",), field="input.after")
    if position > MAX_WINDOW:
        raise InvalidInput("Invalid cursor: input.after is past the last page", field="input.after")
    return int(position)


def search_request(text: str, filters: FilterValues | None, sort: Sort, first: int,
                   after: str | None, max_level: int | None, max_page: int) -> SearchRequest:
    if not 1 <= first <= max_page:
        raise InvalidInput(f"first must be between 1 and {max_page}", field="input.first")
    offset = decode_cursor(after) if after else 0
    if offset + first > MAX_WINDOW:
        raise InvalidInput(f"Search results page to the first {MAX_WINDOW}; narrow the search",
                           field="input.after")
    return SearchRequest(text=check_text(text, "input.query"), filters=check_filters(filters, max_level),
                         sort=sort, offset=offset, limit=first)


@dataclass
class Found:
    request: SearchRequest
    result: SearchResult
    titles: list[tuple[int, Hit, dict[str, Any]]]  # place on the page, hit, its title from Neo4j


async def search_titles(backend: SearchBackend, request: SearchRequest, load: LoadMedia) -> Found:
    """The backend's hits, each with its title as Neo4j holds it now, loaded through the
    viewer's capped loader: a stale index shows neither a deleted title nor one above a
    kid profile's cap."""
    result = await backend.search(request)
    rows = await load([h.id for h in result.hits])
    return Found(request=request, result=result,
                 titles=[(n, h, r) for n, (h, r) in enumerate(zip(result.hits, rows)) if r is not None])


async def search(backend: SearchBackend, text: str, filters: FilterValues | None, sort: Sort, first: int,
                 after: str | None, max_level: int | None, max_page: int, load: LoadMedia) -> Found:
    request = search_request(text, filters, sort, first, after, max_level, max_page)
    return await search_titles(backend, request, load)


async def autocomplete(backend: SearchBackend, prefix: str, limit: int, max_level: int | None,
                       load: LoadMedia) -> tuple[list[Suggestion], list[Suggestion]]:
    """Titles and people starting with the prefix. As for a search, only titles Neo4j still
    holds and the viewer may see."""
    text = check_text(prefix, "prefix", max_len=100)
    found = await backend.autocomplete(text, check_between(limit, "limit", 1, 10), max_level)
    media = [s for s in found if s.kind == "media"]
    rows = await load([s.id for s in media])
    return ([s for s, row in zip(media, rows) if row is not None],
            [s for s in found if s.kind == "person"])
