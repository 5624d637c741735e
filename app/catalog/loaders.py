"""DataLoaders for one request: a page of titles costs one query per kind of field."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from neo4j import AsyncDriver
from strawberry.dataloader import DataLoader

from . import repository

T = TypeVar("T")


def _in_key_order(
    fetch: Callable[[list[str]], Awaitable[dict[str, T]]], default: Any = None
) -> Callable[[list[str]], Awaitable[list[T]]]:
    async def load(keys: list[str]) -> list[T]:
        found = await fetch(list(keys))
        return [found.get(k, default) for k in keys]
    return load


class CatalogLoaders:
    """`max_level` is the viewer's certification cap: a kid profile's loaders never
    return a title above it, wherever in the schema the title is reached."""

    def __init__(self, driver: AsyncDriver, max_level: int | None) -> None:
        d, cap = driver, max_level
        self.max_level = max_level
        self.media = DataLoader(_in_key_order(lambda ids: repository.media_by_ids(d, ids, cap)))
        self.person = DataLoader(_in_key_order(lambda ids: repository.people_by_ids(d, ids)))
        self.genres = DataLoader(_in_key_order(
            lambda ids: repository.grouped(d, "catalog/genres_by_media", "genres", ids), []))
        self.cast = DataLoader(_in_key_order(
            lambda ids: repository.grouped(d, "catalog/cast_by_media", "cast", ids), []))
        self.credits = DataLoader(_in_key_order(
            lambda ids: repository.grouped(d, "catalog/credits_by_people", "credits", ids,
                                           max_level=cap), []))
        self.rating_stats = DataLoader(_in_key_order(
            lambda ids: repository.rating_stats(d, ids), (None, 0)))
