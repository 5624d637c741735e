"""Discovery reads: new releases and the period's highlights, as .cypher files."""

from __future__ import annotations

from datetime import datetime
from typing import TypedDict

from neo4j import AsyncDriver

from app.catalog.rows import GenreRow, MediaRow
from cypher import read, typed


class TopTitle(TypedDict):
    media: MediaRow
    average: float
    ratings: int


class GenreTop(TypedDict):
    genre: GenreRow
    top: list[TopTitle]  # best first


async def new_releases(driver: AsyncDriver, limit: int, type: str | None, genre: str | None,
                       max_level: int | None) -> list[MediaRow]:
    rows = await read(driver, "discovery/new_releases", limit=limit, type=type, genre=genre,
                      max_level=max_level)
    return [r["media"] for r in rows]


async def highlights(driver: AsyncDriver, since: datetime, until: datetime, per_genre: int,
                     min_ratings: int, max_level: int | None) -> list[GenreTop]:
    rows = await read(driver, "discovery/highlights", since=since, until=until, per_genre=per_genre,
                      min_ratings=min_ratings, max_level=max_level)
    return typed(rows, GenreTop)
