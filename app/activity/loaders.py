"""The acting profile's rating and watch record per title, batched per request."""

from __future__ import annotations

from neo4j import AsyncDriver
from strawberry.dataloader import DataLoader

from . import repository
from .rows import MineRow


def mine_loader(driver: AsyncDriver, profile: str) -> DataLoader[str, MineRow | None]:
    async def load(ids: list[str]) -> list[MineRow | None]:
        found = await repository.mine_by_media(driver, profile, list(ids))
        return [found.get(i) for i in ids]
    return DataLoader(load)
