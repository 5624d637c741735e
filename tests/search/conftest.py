"""The search backends under test: tantivy always, Meilisearch when MEILI_URL is set.
Each is filled from the real Neo4j (the MovieLens catalog) once per session."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator

import pytest
from neo4j import AsyncDriver

from search import MeiliBackend, SearchBackend, TantivyBackend, indexer

BACKENDS = ["tantivy", pytest.param("meilisearch", marks=pytest.mark.skipif(
    not os.environ.get("MEILI_URL"), reason="MEILI_URL is not set: no Meilisearch server to test"))]


@pytest.fixture(scope="session", params=BACKENDS)
async def backend(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
                  driver: AsyncDriver, movielens_catalog: object) -> AsyncIterator[SearchBackend]:
    b: SearchBackend
    if request.param == "tantivy":
        b = TantivyBackend(tmp_path_factory.mktemp("search"))
    else:
        b = MeiliBackend(os.environ["MEILI_URL"], os.environ.get("MEILI_MASTER_KEY"),
                         prefix=f"test_{uuid.uuid4().hex[:8]}_")
    await indexer.reindex(driver, b)
    yield b
    if isinstance(b, MeiliBackend):
        await b.drop()
    await b.close()
