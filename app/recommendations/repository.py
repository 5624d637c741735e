"""Reads of the published recommender model (written by gnn.publish)."""

from __future__ import annotations

from typing import TypedDict, cast

from neo4j import AsyncDriver

from cypher import read, typed


class ModelRow(TypedDict):
    version: str
    dim: int
    max_norm: float
    rating_threshold: float
    watched_weight: float
    listed_weight: float


class SeenTitle(TypedDict):
    uid: str
    title: str
    kind: str  # RATED, WATCHED or LISTED
    rating: float | None
    embedding: list[float] | None


class Taste(TypedDict):
    embedding: list[float] | None  # the profile's own, when it was in the training data
    seen: list[SeenTitle]  # newest first


class ScoredRow(TypedDict):
    uid: str
    score: float
    embedding: list[float]


class PopularRow(TypedDict):
    uid: str
    viewers: int


class SimilarRow(TypedDict):
    uid: str
    score: float
    genres: list[str]  # the ones both titles have


async def current_model(driver: AsyncDriver) -> ModelRow | None:
    rows = await read(driver, "recommendations/current_model")
    return cast(ModelRow, rows[0].data()) if rows else None


async def profile_taste(driver: AsyncDriver, profile: str, version: str) -> Taste:
    rows = await read(driver, "recommendations/profile_taste", profile=profile, version=version)
    return cast(Taste, rows[0].data()) if rows else {"embedding": None, "seen": []}


async def score_titles(driver: AsyncDriver, query: list[float], k: int, limit: int, exclude: list[str],
                       max_level: int | None, type: str | None,
                       genres: list[str] | None) -> list[ScoredRow]:
    rows = await read(driver, "recommendations/score_titles", query=query, k=k, limit=limit,
                      exclude=exclude, max_level=max_level, type=type, genres=genres)
    return typed(rows, ScoredRow)


async def popular_titles(driver: AsyncDriver, limit: int, exclude: list[str], max_level: int | None,
                         type: str | None, genres: list[str] | None) -> list[PopularRow]:
    rows = await read(driver, "recommendations/popular_titles", limit=limit, exclude=exclude,
                      max_level=max_level, type=type, genres=genres)
    return typed(rows, PopularRow)


async def similar_titles(driver: AsyncDriver, uid: str, k: int, limit: int,
                         max_level: int | None) -> list[SimilarRow]:
    rows = await read(driver, "recommendations/similar_titles", uid=uid, k=k, limit=limit,
                      max_level=max_level)
    return typed(rows, SimilarRow)
