"""Domain events into feed entries (the worker runs this every two seconds)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from neo4j import AsyncDriver
from redis.asyncio import Redis

from app.events import STREAM

from . import repository, trending

# event kind -> feed kind; other events are not activity anyone follows
FEED_KINDS = {"media.watched": "WATCHED", "media.rated": "RATED", "media.reviewed": "REVIEWED",
              "list.item_added": "LISTED", "episode.progress": "EPISODES"}
CURSOR_KEY = "reelgraph:feed:position"
LOCK_KEY = "reelgraph:feed:lock"
WINDOW_HOURS = 6  # one evening: later events of the same kind and title join the entry


def entry_for(event_id: str, fields: dict[str, str]) -> dict[str, Any] | None:
    kind = FEED_KINDS.get(fields.get("kind", ""))
    if kind is None:
        return None
    data = json.loads(fields.get("data") or "{}")
    media = data.get("show") if kind == "EPISODES" else data.get("media")
    profile = data.get("profile")
    if not isinstance(media, str) or not isinstance(profile, str):
        return None
    listed = data.get("list") if kind == "LISTED" else None
    return {"profile": profile, "kind": kind, "target": listed or media, "media": media,
            "at": fields["at"], "rating": data.get("rating") if kind == "RATED" else None,
            "list": listed, "review": data.get("review") if kind == "REVIEWED" else None,
            "event": event_id, "window_hours": WINDOW_HOURS}


async def record_events(driver: AsyncDriver, redis: Redis, batch: int = 500) -> int:
    """Events since the last run, into the feed. Safe to run twice: entries remember the
    event ids they hold, and the position moves on only after they are written. A run
    that finds another one at work skips (returns -1)."""
    lock = redis.lock(LOCK_KEY, timeout=60)
    if not await lock.acquire(blocking=False):
        return -1
    recorded = 0
    try:
        await trending.rebuild_if_empty(driver, redis)
        position = await redis.get(CURSOR_KEY) or "0-0"
        while True:
            entries = await redis.xrange(STREAM, min=f"({position}", count=batch)
            if not entries:
                return recorded
            for event_id, fields in entries:
                entry = entry_for(str(event_id), fields)
                if entry is None:
                    continue
                genres = await repository.record_activity(driver, **entry)
                if genres is not None:  # counted once, like the entry
                    at = datetime.fromisoformat(entry["at"]).timestamp()
                    await trending.count(redis, entry["media"], genres, entry["kind"], at)
                    recorded += 1
            position = str(entries[-1][0])
            await redis.set(CURSOR_KEY, position)
    finally:
        await lock.release()
