"""Who each list is shared with, batched per request."""

from __future__ import annotations

from neo4j import AsyncDriver
from strawberry.dataloader import DataLoader

from . import repository
from .rows import CollaboratorRow


def collaborators_loader(driver: AsyncDriver) -> DataLoader[str, list[CollaboratorRow]]:
    async def load(ids: list[str]) -> list[list[CollaboratorRow]]:
        found = await repository.collaborators(driver, list(ids))
        return [found.get(i, []) for i in ids]
    return DataLoader(load)
