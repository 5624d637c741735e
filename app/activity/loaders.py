"""The acting profile's rating and watch record per title, batched per request."""

from __future__ import annotations

from typing import Any

from neo4j import AsyncDriver
from strawberry.dataloader import DataLoader

from . import repository


def mine_loader(driver: AsyncDriver, profile: str) -> DataLoader[str, dict[str, Any] | None]:
    async def load(ids: list[str]) -> list[dict[str, Any] | None]:
        found = await repository.mine_by_media(driver, profile, list(ids))
        return [found.get(i) for i in ids]
    return DataLoader(load)
