from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from neo4j import AsyncDriver
from redis.asyncio import Redis

from app.main import create_app
from app.settings import ApiSettings, Neo4jSettings, RedisSettings, Settings
from graph_model.db import connect, migrate
from ingest.movielens import pipeline as movielens
from ingest.report import ImportReport

from .services import Endpoints, endpoints


@pytest.fixture(scope="session")
def services() -> Iterator[Endpoints]:
    with endpoints() as ep:
        yield ep


@pytest.fixture(scope="session")
def settings(services: Endpoints) -> Settings:
    return Settings(
        env="test",
        neo4j=Neo4jSettings(uri=services.neo4j_uri, user=services.neo4j_user,
                            password=services.neo4j_password),
        redis=RedisSettings(url=services.redis_url),
        api=ApiSettings(),
    )


@pytest.fixture(scope="session")
async def driver(settings: Settings) -> AsyncIterator[AsyncDriver]:
    n = settings.neo4j
    d = await connect(n.uri, n.user, n.password)
    await migrate(d)
    yield d
    await d.close()


@pytest.fixture(scope="session")
async def redis(settings: Settings) -> AsyncIterator[Redis]:
    r = Redis.from_url(settings.redis.url, decode_responses=True)
    yield r
    await r.aclose()


@pytest.fixture(scope="session")
async def movielens_catalog(driver: AsyncDriver) -> ImportReport:
    """The demo catalog, imported once per test session (a re-import only merges)."""
    return await movielens.run(driver, progress=bool(os.environ.get("REELGRAPH_TEST_PROGRESS")))


@pytest.fixture(scope="session")
async def api(settings: Settings, movielens_catalog: object) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            yield client
