"""arq worker: `arq workers.main.WorkerSettings`. Jobs are thin; they call ingest/services."""

from __future__ import annotations

from typing import Any

from arq.connections import RedisSettings

from app.logging import configure_logging, log
from app.settings import get_settings
from graph_model.db import connect, migrate

from .jobs.ingest import import_csv, import_demo_catalog


async def startup(ctx: dict[str, Any]) -> None:
    settings = get_settings()
    configure_logging(settings.log_level)
    n = settings.neo4j
    ctx["driver"] = await connect(n.uri, n.user, n.password, n.max_pool_size)
    await migrate(ctx["driver"])
    log.info("worker.started")


async def shutdown(ctx: dict[str, Any]) -> None:
    await ctx["driver"].close()


class WorkerSettings:
    functions = [import_demo_catalog, import_csv]
    on_startup = startup
    on_shutdown = shutdown
    redis_settings = RedisSettings.from_dsn(get_settings().redis.url)
    max_jobs = 2  # two cores
    job_timeout = 3600
