"""A request's DataLoader for a show's seasons, with the acting profile's progress."""

from __future__ import annotations

import asyncio

from neo4j import AsyncDriver
from strawberry.dataloader import DataLoader

from . import repository
from .rows import SeasonRow


def seasons_loader(driver: AsyncDriver, profile: str | None) -> DataLoader[str, list[SeasonRow]]:
    async def load(shows: list[str]) -> list[list[SeasonRow]]:
        return list(await asyncio.gather(*(repository.seasons(driver, profile, s) for s in shows)))
    return DataLoader(load)
