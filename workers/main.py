"""arq worker: `arq workers.main.WorkerSettings`. Jobs are thin; they call ingest/services.

Mail, imports, search indexing and the feed run here, without torch; retraining the
recommender runs in workers.trainer, on a queue of its own."""

from __future__ import annotations

from arq import cron

from app.accounts.runtime import AuthRuntime
from app.kit.redis import arq_settings, open_jobs, open_redis
from app.logging import configure_logging, log
from app.search.backend import open_search
from app.settings import Settings, get_settings
from graph_model.db import connect, migrate

from .context import WorkerCtx, arq_job
from .jobs.ingest import import_csv, import_demo_catalog
from .jobs.mail import MAIL_JOBS
from .jobs.search import SEARCH_JOBS, sync_search_index
from .jobs.social import SOCIAL_JOBS, record_feed


async def open_context(ctx: WorkerCtx, settings: Settings) -> None:
    n = settings.neo4j
    ctx["driver"] = await connect(n.uri, n.user, n.password, n.max_pool_size)
    ctx["redis_client"] = open_redis(settings.redis)
    ctx["job_pool"] = await open_jobs(settings.redis)
    ctx["auth"] = AuthRuntime(ctx["driver"], ctx["redis_client"], ctx["job_pool"], settings)
    ctx["search"] = open_search(settings)


async def close_context(ctx: WorkerCtx) -> None:
    await ctx["search"].close()
    await ctx["job_pool"].aclose()
    await ctx["redis_client"].aclose()
    await ctx["driver"].close()


async def startup(ctx: WorkerCtx) -> None:
    settings = get_settings()
    configure_logging(settings.log_level)
    await open_context(ctx, settings)
    await migrate(ctx["driver"])
    log.info("worker.started")


class WorkerSettings:
    functions = [import_demo_catalog, import_csv, *MAIL_JOBS, *SEARCH_JOBS, *SOCIAL_JOBS]
    # catalog changes reach the search index within a few seconds, in batches
    cron_jobs = [cron(arq_job(sync_search_index), second=set(range(0, 60, 3)), run_at_startup=True,
                      timeout=600),
                 cron(arq_job(record_feed), second=set(range(0, 60, 2)), run_at_startup=True, timeout=600)]
    on_startup = startup
    on_shutdown = close_context
    redis_settings = arq_settings(get_settings().redis)
    max_jobs = 2  # two cores
    job_timeout = 3600
