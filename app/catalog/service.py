"""Catalog rules: input limits and cursors. Resolvers call these; no Neo4j here."""

from __future__ import annotations

from dataclasses import dataclass

from neo4j import AsyncDriver

from app.errors import InvalidInput, NotFound
from app.kit import cursor
from app.kit.checks import check_id
from graph_model.media import CERT_LEVELS

from . import repository
from .rows import GenreRow, MediaFilter, MediaRow

MAX_GENRES = 20


def encode_cursor(media: MediaRow) -> str:
    return cursor.encode(media["title"], media["uid"])


def decode_cursor(after: str) -> tuple[str, str]:
    title, uid = cursor.decode(after, ("str", "str"))
    return title, uid


def check_certification(certification: str | None) -> str | None:
    """A rating board's word (G, PG-13, TV-MA...), upper-cased; None stays None."""
    if certification is None:
        return None
    if certification.upper() not in CERT_LEVELS:
        raise InvalidInput(f"Certification must be one of {', '.join(CERT_LEVELS)}", field="certification")
    return certification.upper()


def check_filter(f: MediaFilter) -> MediaFilter:
    if f.type is not None and f.type not in ("movie", "tv"):
        raise InvalidInput("type must be MOVIE or TV", field="filter.type")
    if f.genres is not None:
        if len(f.genres) > MAX_GENRES:
            raise InvalidInput(f"at most {MAX_GENRES} genres", field="filter.genres")
        if any(not g or len(g) > 50 for g in f.genres):
            raise InvalidInput("each genre must be 1-50 characters", field="filter.genres")
    check_years(f.year_from, f.year_to, "filter")
    if f.title_prefix is not None and not 1 <= len(f.title_prefix) <= 100:
        raise InvalidInput("titlePrefix must be 1-100 characters", field="filter.titlePrefix")
    return f


def check_years(year_from: int | None, year_to: int | None, base: str) -> None:
    """A year range as filters take it: both ends in 1870-2100, in order."""
    for name, year in (("yearFrom", year_from), ("yearTo", year_to)):
        if year is not None and not 1870 <= year <= 2100:
            raise InvalidInput(f"{name} must be between 1870 and 2100", field=f"{base}.{name}")
    if year_from is not None and year_to is not None and year_from > year_to:
        raise InvalidInput("yearFrom must not be after yearTo", field=f"{base}.yearFrom")


@dataclass
class MediaPage:
    items: list[MediaRow]
    has_next: bool


async def media_page(
    driver: AsyncDriver, filt: MediaFilter, first: int, after: str | None, max_page: int
) -> MediaPage:
    if not 1 <= first <= max_page:
        raise InvalidInput(f"first must be between 1 and {max_page}", field="first")
    check_filter(filt)
    position = decode_cursor(after) if after else None
    rows = await repository.list_media(driver, filt, first + 1, position)
    return MediaPage(items=rows[:first], has_next=len(rows) > first)


async def count(driver: AsyncDriver, filt: MediaFilter) -> int:
    """Titles matching a filter that media_page has already checked."""
    return await repository.count_media(driver, filt)


async def genres(driver: AsyncDriver, max_level: int | None) -> list[GenreRow]:
    """Every genre, with how many titles the viewer may see in it."""
    return await repository.list_genres(driver, max_level)


async def require_media(driver: AsyncDriver, media: str, max_level: int | None) -> MediaRow:
    """The title, if it exists and the acting profile may see it: writes about a title
    go through here, so a kid profile cannot rate, list or review what it cannot see."""
    found = await repository.media_by_ids(driver, [check_id(media, "mediaId")], max_level)
    if media not in found:
        raise NotFound("No such title", field="mediaId")
    return found[media]
