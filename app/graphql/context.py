"""Per-request GraphQL context: the shared driver and fresh DataLoaders."""

from __future__ import annotations

from dataclasses import dataclass, field

from fastapi import Request
from neo4j import AsyncDriver
from strawberry.fastapi import BaseContext

from app.catalog.loaders import CatalogLoaders
from app.settings import Settings


@dataclass
class Context(BaseContext):
    driver: AsyncDriver
    settings: Settings
    catalog: CatalogLoaders = field(init=False)

    def __post_init__(self) -> None:
        super().__init__()
        self.catalog = CatalogLoaders(self.driver)


async def get_context(request: Request) -> Context:
    return Context(driver=request.app.state.driver, settings=request.app.state.settings)
