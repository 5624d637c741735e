"""An import enqueued on arq runs in a real worker against the real Redis and Neo4j."""

import uuid
from pathlib import Path

from arq import create_pool
from arq.connections import RedisSettings
from arq.worker import Worker
from neo4j import AsyncDriver

from app.settings import Settings
from search import TantivyBackend
from search.query import SearchRequest
from workers import enqueue
from workers.context import WorkerCtx
from workers.jobs.ingest import import_csv
from workers.main import WorkerSettings


async def test_import_job_runs_in_worker(settings: Settings, driver: AsyncDriver, tmp_path: Path) -> None:
    source = f"w{uuid.uuid4().hex[:8]}"
    items = tmp_path / "items.csv"
    items.write_text("id,title,year,genres\nw1,Worker Title,2010,Drama\n")
    redis_settings = RedisSettings.from_dsn(settings.redis.url)
    pool = await create_pool(redis_settings)
    job = await enqueue.import_csv(pool, source, items=items)
    assert job is not None

    index = TantivyBackend(tmp_path / "search")
    worker = Worker(functions=[import_csv], redis_settings=redis_settings, burst=True,
                    on_startup=lambda ctx: _with_driver(ctx, driver, index), handle_signals=False)
    await worker.async_run()
    result = await job.result(timeout=10)
    await worker.close()
    await pool.aclose()

    assert result["written"] == {"genres": 1, "media": 1} and result["problems"] == []
    records, _, _ = await driver.execute_query(
        "MATCH (m:Media {external_key: $k}) RETURN m.title AS t", k=f"{source}:w1")
    assert records[0]["t"] == "Worker Title"
    assert import_csv in WorkerSettings.functions  # the deployed worker runs this same job
    # the import ends with a search repair: the new title is searchable
    found = await index.search(SearchRequest(text="worker title", facets=False))
    assert "Worker Title" in [h.title for h in found.hits]


async def _with_driver(ctx: WorkerCtx, driver: AsyncDriver, index: TantivyBackend) -> None:
    ctx["driver"] = driver
    ctx["search"] = index
