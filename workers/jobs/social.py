"""The activity feed: domain events become feed entries within a couple of seconds."""

from __future__ import annotations

from app.social import feed
from workers.context import WorkerCtx


async def record_feed(ctx: WorkerCtx) -> int:
    return await feed.record_events(ctx["driver"], ctx["redis_client"])


SOCIAL_JOBS = [record_feed]
