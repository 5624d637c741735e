"""Reads of the published recommender model (written by gnn.publish)."""

from __future__ import annotations

from typing import Any

from neo4j import AsyncDriver

from cypher import read


async def current_model(driver: AsyncDriver) -> dict[str, Any] | None:
    rows = await read(driver, "recommendations/current_model")
    return dict(rows[0]) if rows else None


async def profile_taste(driver: AsyncDriver, profile: str, version: str) -> dict[str, Any]:
    rows = await read(driver, "recommendations/profile_taste", profile=profile, version=version)
    return dict(rows[0]) if rows else {"embedding": None, "seen": []}


async def score_titles(driver: AsyncDriver, query: list[float], k: int, limit: int, exclude: list[str],
                       max_level: int | None, type: str | None,
                       genres: list[str] | None) -> list[dict[str, Any]]:
    rows = await read(driver, "recommendations/score_titles", query=query, k=k, limit=limit,
                      exclude=exclude, max_level=max_level, type=type, genres=genres)
    return [dict(r) for r in rows]


async def popular_titles(driver: AsyncDriver, limit: int, exclude: list[str], max_level: int | None,
                         type: str | None, genres: list[str] | None) -> list[dict[str, Any]]:
    rows = await read(driver, "recommendations/popular_titles", limit=limit, exclude=exclude,
                      max_level=max_level, type=type, genres=genres)
    return [dict(r) for r in rows]


async def similar_titles(driver: AsyncDriver, uid: str, k: int, limit: int,
                         max_level: int | None) -> list[dict[str, Any]]:
    rows = await read(driver, "recommendations/similar_titles", uid=uid, k=k, limit=limit,
                      max_level=max_level)
    return [dict(r) for r in rows]
