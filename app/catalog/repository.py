"""Catalog reads. The only catalog code that talks to Neo4j; every query is a .cypher file."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from neo4j import AsyncDriver

from cypher import read as _read


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


async def media_by_ids(driver: AsyncDriver, ids: list[str],
                       max_level: int | None) -> dict[str, dict[str, Any]]:
    rows = await _read(driver, "catalog/media_by_ids", ids=ids, max_level=max_level)
    return {r["media"]["uid"]: r["media"] for r in rows}


async def people_by_ids(driver: AsyncDriver, ids: list[str]) -> dict[str, dict[str, Any]]:
    return {r["person"]["uid"]: r["person"] for r in await _read(driver, "catalog/people_by_ids", ids=ids)}


async def grouped(driver: AsyncDriver, name: str, column: str, ids: list[str],
                  **params: Any) -> dict[str, Any]:
    """For the per-title lists (genres, cast...): id -> that id's list."""
    return {r["id"]: r[column] for r in await _read(driver, name, ids=ids, **params)}


async def rating_stats(driver: AsyncDriver, ids: list[str]) -> dict[str, tuple[float | None, int]]:
    rows = await _read(driver, "catalog/rating_stats_by_media", ids=ids)
    return {r["id"]: (r["average"], r["count"]) for r in rows}


async def list_media(
    driver: AsyncDriver, filt: MediaFilter, limit: int, after: tuple[str, str] | None
) -> list[dict[str, Any]]:
    rows = await _read(
        driver, "catalog/list_media", **filt.params(), limit=limit,
        after_title=after[0] if after else None, after_uid=after[1] if after else None,
    )
    return [r["media"] for r in rows]


async def count_media(driver: AsyncDriver, filt: MediaFilter) -> int:
    rows = await _read(driver, "catalog/count_media", **filt.params())
    return int(rows[0]["total"])


async def list_genres(driver: AsyncDriver, max_level: int | None) -> list[dict[str, Any]]:
    return [r["genre"] for r in await _read(driver, "catalog/list_genres", max_level=max_level)]
