"""What arq's ctx holds for our jobs, so a job reads its tools typed."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, Required, TypedDict, cast

from arq.typing import WorkerCoroutine

if TYPE_CHECKING:  # the trainer opens only the driver; it need not import the rest
    from arq.connections import ArqRedis
    from neo4j import AsyncDriver
    from redis.asyncio import Redis

    from app.accounts.runtime import AuthRuntime
    from app.settings import Settings
    from search import SearchBackend


class WorkerCtx(TypedDict, total=False):
    # arq's own keys
    redis: ArqRedis
    job_id: str
    job_try: int
    # opened at start-up: both workers open the driver, workers.main the rest
    driver: Required[AsyncDriver]
    redis_client: Redis
    job_pool: ArqRedis
    auth: AuthRuntime
    search: SearchBackend
    settings: Settings  # workers.trainer's


def arq_job(job: Callable[..., Awaitable[Any]]) -> WorkerCoroutine:
    """A job for arq's `func` and `cron`, which type ctx as a plain dict: the WorkerCtx
    our jobs take is that dict."""
    return cast("WorkerCoroutine", job)
