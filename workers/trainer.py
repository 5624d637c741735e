"""The trainer worker: `arq workers.trainer.TrainerSettings`, the one process that imports
torch (install the project with its `gnn` extra). It retrains the recommender nightly and
when an admin asks (app.recommendations.service.request_retrain), on its own queue."""

from __future__ import annotations

from arq import cron

from app.kit.redis import arq_settings
from app.logging import configure_logging, log
from app.settings import get_settings
from graph_model.db import connect, migrate
from workers.enqueue import TRAIN_QUEUE

from .context import WorkerCtx, arq_job
from .jobs.recommender import RECOMMENDER_JOBS, retrain_recommender


async def startup(ctx: WorkerCtx) -> None:
    settings = get_settings()
    configure_logging(settings.log_level)
    n = settings.neo4j
    ctx["settings"] = settings
    ctx["driver"] = await connect(n.uri, n.user, n.password, n.max_pool_size)
    await migrate(ctx["driver"])
    log.info("trainer.started")


async def shutdown(ctx: WorkerCtx) -> None:
    await ctx["driver"].close()


class TrainerSettings:
    functions = RECOMMENDER_JOBS
    queue_name = TRAIN_QUEUE
    # the nightly retrain; unique: one job per scheduled time, however many trainers
    cron_jobs = [cron(arq_job(retrain_recommender), hour={get_settings().gnn.retrain_hour}, minute={0},
                      unique=True, timeout=3600)]
    on_startup = startup
    on_shutdown = shutdown
    redis_settings = arq_settings(get_settings().redis)
    max_jobs = 1  # a training run takes the cores it finds
    job_timeout = 3600
