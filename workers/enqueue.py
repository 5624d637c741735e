"""One function per job that queues it with its arguments typed. Callers in the API import
this module, not the jobs (which bring the import and search code along)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from arq.connections import ArqRedis
from arq.jobs import Job

if TYPE_CHECKING:
    from ingest.generic.transform import ValueKind
    from ingest.report import OnError


RETRAIN_JOB = "retrain_recommender"
TRAIN_QUEUE = "reelgraph:train"  # the trainer worker's queue: only it imports torch


def _path(path: Path | None) -> str | None:
    return str(path) if path else None


async def import_csv(
    jobs: ArqRedis, source: str, items: Path | None = None, interactions: Path | None = None,
    follows: Path | None = None, value: ValueKind = "rating5", on_error: OnError = "abort",
) -> Job | None:
    return await jobs.enqueue_job("import_csv", source, items=_path(items),
                                  interactions=_path(interactions), follows=_path(follows),
                                  value=value, on_error=on_error)


async def send_verification(jobs: ArqRedis, email: str) -> Job | None:
    return await jobs.enqueue_job("send_verification", email)


async def send_account_exists(jobs: ArqRedis, email: str) -> Job | None:
    return await jobs.enqueue_job("send_account_exists", email)


async def send_password_reset(jobs: ArqRedis, email: str) -> Job | None:
    return await jobs.enqueue_job("send_password_reset", email)


async def retrain_recommender(jobs: ArqRedis) -> Job | None:
    """None while a retrain is queued or running: its fixed id lets only one in."""
    return await jobs.enqueue_job(RETRAIN_JOB, _job_id=RETRAIN_JOB, _queue_name=TRAIN_QUEUE)
