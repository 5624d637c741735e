"""Catalog reads. The only catalog code that talks to Neo4j; every query is a .cypher file."""

from __future__ import annotations

from typing import Any

from neo4j import AsyncDriver

from cypher import read as _read

from .rows import GenreRow, MediaFilter, MediaRow, PersonRow


async def media_by_ids(driver: AsyncDriver, ids: list[str],
                       max_level: int | None) -> dict[str, MediaRow]:
    rows = await _read(driver, "catalog/media_by_ids", ids=ids, max_level=max_level)
    return {r["media"]["uid"]: r["media"] for r in rows}


async def people_by_ids(driver: AsyncDriver, ids: list[str]) -> dict[str, PersonRow]:
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
) -> list[MediaRow]:
    rows = await _read(
        driver, "catalog/list_media", **filt.params(), limit=limit,
        after_title=after[0] if after else None, after_uid=after[1] if after else None,
    )
    return [r["media"] for r in rows]


async def count_media(driver: AsyncDriver, filt: MediaFilter) -> int:
    rows = await _read(driver, "catalog/count_media", **filt.params())
    return int(rows[0]["total"])


async def list_genres(driver: AsyncDriver, max_level: int | None) -> list[GenreRow]:
    rows = await _read(driver, "catalog/list_genres", max_level=max_level)
    return [GenreRow(uid=g["uid"], name=g["name"], media_count=g["media_count"]) for g in (r["genre"] for r in rows)]
