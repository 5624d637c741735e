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
    def __init__(self, driver: AsyncDriver) -> None:
        d = driver
        self.media = DataLoader(_in_key_order(lambda ids: repository.media_by_ids(d, ids)))
        self.person = DataLoader(_in_key_order(lambda ids: repository.people_by_ids(d, ids)))
        self.genres = DataLoader(_in_key_order(
            lambda ids: repository.grouped(d, "catalog/genres_by_media", "genres", ids), []))
        self.cast = DataLoader(_in_key_order(
            lambda ids: repository.grouped(d, "catalog/cast_by_media", "cast", ids), []))
        self.credits = DataLoader(_in_key_order(
            lambda ids: repository.grouped(d, "catalog/credits_by_people", "credits", ids), []))
        self.rating_stats = DataLoader(_in_key_order(
            lambda ids: repository.rating_stats(d, ids), (None, 0)))
