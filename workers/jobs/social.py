"""The activity feed: domain events become feed entries within a couple of seconds."""

from __future__ import annotations

from typing import Any

from app.social import feed


async def record_feed(ctx: dict[str, Any]) -> int:
    return await feed.record_events(ctx["driver"], ctx["redis_client"])


SOCIAL_JOBS = [record_feed]
