"""GraphQL types of the catalog, built from the property maps the repository returns."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from enum import Enum
from typing import Any

import strawberry

from app.kit.info import Info
from app.kit.temporal import day, when
from search.query import Facets, Range

from . import service
from .rows import GenreRow, MediaFilter, MediaRow, PersonRow


@strawberry.enum
class MediaType(Enum):
    MOVIE = "movie"
    TV = "tv"


@strawberry.type
class StreamingProvider:
    provider: str
    kind: str  # flatrate, rent, buy, free, ads
    region: str | None = None
    url: str | None = None


def _providers(raw: Any) -> list[StreamingProvider]:
    """Media.streaming_availability is a JSON list (neomodel JSONProperty stores text)."""
    items = json.loads(raw) if isinstance(raw, str) else (raw or [])
    return [StreamingProvider(provider=str(p["provider"]), kind=str(p.get("kind", "flatrate")),
                              region=p.get("region"), url=p.get("url"))
            for p in items if isinstance(p, dict) and p.get("provider")]


@strawberry.type
class Genre:
    id: strawberry.ID
    name: str
    media_count: int | None = None

    @classmethod
    def from_row(cls, row: GenreRow) -> Genre:
        return cls(id=strawberry.ID(row["uid"]), name=row["name"], media_count=row.get("media_count"))


@strawberry.type
class Media:
    id: strawberry.ID
    tmdb_id: str | None
    imdb_id: str | None
    movielens_id: int | None
    type: MediaType
    title: str
    original_title: str | None
    overview: str | None
    year: int | None
    release_date: dt.date | None
    runtime: int | None
    certification: str | None
    poster_path: str | None
    backdrop_path: str | None
    vote_average: float | None
    streaming_availability: list[StreamingProvider]

    @classmethod
    def from_row(cls, row: MediaRow) -> Media:
        return cls(
            id=strawberry.ID(row["uid"]), tmdb_id=row.get("tmdb_id"), imdb_id=row.get("imdb_id"),
            movielens_id=row.get("movielens_id"), type=MediaType(row["type"]),
            title=row["title"], original_title=row.get("original_title"),
            overview=row.get("overview"), year=row.get("year"),
            release_date=day(row.get("release_date")), runtime=row.get("runtime"),
            certification=row.get("certification"), poster_path=row.get("poster_path"),
            backdrop_path=row.get("backdrop_path"), vote_average=row.get("vote_average"),
            streaming_availability=_providers(row.get("streaming_availability")),
        )

    @strawberry.field
    async def genres(self, info: Info) -> list[Genre]:
        return [Genre.from_row(g) for g in await info.context.catalog.genres.load(self.id)]

    @strawberry.field
    async def cast(self, info: Info) -> list[CastMember]:
        rows = await info.context.catalog.cast.load(self.id)
        return [CastMember(person=Person.from_row(r["person"]), character=r["character"],
                           order=r["order"]) for r in rows]

    @strawberry.field(description="Mean of the platform's 1-10 ratings")
    async def average_rating(self, info: Info) -> float | None:
        avg, _ = await info.context.catalog.rating_stats.load(self.id)
        return round(avg, 2) if avg is not None else None

    @strawberry.field
    async def rating_count(self, info: Info) -> int:
        _, count = await info.context.catalog.rating_stats.load(self.id)
        return int(count)

    @strawberry.field(description="TV shows: seasons and episodes, with the acting profile's progress")
    async def seasons(self, info: Info) -> list[Season]:
        if self.type != MediaType.TV:
            return []
        rows = await info.context.seasons.load(str(self.id))
        return [Season(id=strawberry.ID(r["uid"]), number=r["season_number"], episodes=[
            SeasonEpisode(id=strawberry.ID(e["uid"]), number=e["episode_number"], title=e.get("title"),
                          watched=e["watched"], progress_seconds=e["progress_seconds"])
            for e in r["episodes"]]) for r in rows]

    @strawberry.field(description="The acting profile's rating (1-10), if any")
    async def my_rating(self, info: Info) -> int | None:
        mine = await info.context.mine.load(self.id) if info.context.mine else None
        return int(mine["rating"]["rating"]) if mine and mine["rating"] else None

    @strawberry.field(description="The acting profile's viewings of this title, if any")
    async def watch_history(self, info: Info) -> WatchHistory | None:
        mine = await info.context.mine.load(self.id) if info.context.mine else None
        return WatchHistory.from_row(mine["watch"]) if mine and mine["watch"] else None


@strawberry.type
class WatchHistory:
    watch_count: int
    first_watched_at: dt.datetime | None
    last_watched_at: dt.datetime | None

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> WatchHistory:
        """From a watch record (the activity repository's row, or the mine loader's)."""
        return cls(watch_count=int(row.get("watch_count") or 0),
                   first_watched_at=when(row.get("first_watched_at")),
                   last_watched_at=when(row.get("last_watched_at")))


@strawberry.type
class SeasonEpisode:
    id: strawberry.ID
    number: int
    title: str | None
    watched: bool
    progress_seconds: int


@strawberry.type
class Season:
    id: strawberry.ID
    number: int
    episodes: list[SeasonEpisode]


@strawberry.type
class Person:
    id: strawberry.ID
    name: str
    tmdb_id: str | None
    imdb_id: str | None
    profile_path: str | None
    biography: str | None
    birth_date: dt.date | None

    @classmethod
    def from_row(cls, row: PersonRow) -> Person:
        return cls(
            id=strawberry.ID(row["uid"]), name=row["name"], tmdb_id=row.get("tmdb_id"),
            imdb_id=row.get("imdb_id"), profile_path=row.get("profile_path"),
            biography=row.get("biography"), birth_date=day(row.get("birth_date")),
        )

    @strawberry.field
    async def credits(self, info: Info) -> list[Credit]:
        rows = await info.context.catalog.credits.load(self.id)
        return [Credit(media=Media.from_row(r["media"]), role=r["role"], character=r["character"],
                       job=r["job"]) for r in rows]


@strawberry.type
class CastMember:
    person: Person
    character: str | None
    order: int | None


@strawberry.type
class Credit:
    media: Media
    role: str  # ACTED_IN or CREW
    character: str | None
    job: str | None


@strawberry.type
class PageInfo:
    has_next_page: bool
    end_cursor: str | None


@strawberry.type
class SearchHighlight:
    field: str  # title, originalTitle, cast or directors
    value: str = strawberry.field(description="HTML-escaped, the matched words in <mark>")


@strawberry.type
class MediaEdge:
    cursor: str
    node: Media
    score: float | None = strawberry.field(default=None, description="Search relevance, when ranked by it")
    highlights: list[SearchHighlight] | None = strawberry.field(
        default=None, description="Search: the fields that matched, highlighted")


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
class MediaConnection:
    edges: list[MediaEdge]
    page_info: PageInfo
    _filter: strawberry.Private[MediaFilter | None] = None
    _total: strawberry.Private[int | None] = None  # known already (a search counts its hits)
    facets: SearchFacets | None = strawberry.field(
        default=None, description="Search: counts per value over every match")

    @strawberry.field(description="Titles matching, over all pages")
    async def total_count(self, info: Info) -> int:
        if self._total is not None or self._filter is None:
            return self._total or 0
        return await service.count(info.context.driver, self._filter)


@strawberry.input
class MediaFilterInput:
    type: MediaType | None = None
    genres: list[str] | None = strawberry.field(default=None, description="any of these genres")
    year_from: int | None = None
    year_to: int | None = None
    title_prefix: str | None = None
