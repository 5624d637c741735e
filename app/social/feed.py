"""Domain events into feed entries (the worker runs this every two seconds)."""

from __future__ import annotations

from datetime import datetime
from typing import TypedDict

from neo4j import AsyncDriver
from redis.asyncio import Redis

from app.kit import stream
from app.kit.stream import Event

from . import repository, trending

# event kind -> feed kind; other events are not activity anyone follows
FEED_KINDS = {"media.watched": "WATCHED", "media.rated": "RATED", "media.reviewed": "REVIEWED",
              "list.item_added": "LISTED", "episode.progress": "EPISODES"}
CURSOR_KEY = "reelgraph:feed:position"
LOCK_KEY = "reelgraph:feed:lock"
WINDOW_HOURS = 6  # one evening: later events of the same kind and title join the entry


class Entry(TypedDict):
    """What social/record_activity merges: one event into its profile's feed entry."""
    profile: str
    kind: str
    target: str  # the list for LISTED, else the title
    media: str
    at: str
    rating: int | None
    list: str | None
    review: str | None
    event: str
    window_hours: int


def entry_for(event: Event) -> Entry | None:
    kind = FEED_KINDS.get(event.kind)
    if kind is None:
        return None
    media = event.text("show" if kind == "EPISODES" else "media")
    profile = event.text("profile")
    if media is None or profile is None:
        return None
    listed = event.text("list") if kind == "LISTED" else None
    return {"profile": profile, "kind": kind, "target": listed or media, "media": media,
            "at": event.at, "rating": event.number("rating") if kind == "RATED" else None,
            "list": listed, "review": event.text("review") if kind == "REVIEWED" else None,
            "event": event.id, "window_hours": WINDOW_HOURS}


async def record_events(driver: AsyncDriver, redis: Redis, batch: int = 500) -> int:
    """Events since the last run, into the feed. Safe to run twice: entries remember the
    event ids they hold, and the position moves on only after they are written. A run
    that finds another one at work skips (returns -1)."""

    async def rebuild_trending(_position: str) -> None:
        await trending.rebuild_if_empty(driver, redis)

    async def record(events: list[Event]) -> int:
        recorded = 0
        for event in events:
            entry = entry_for(event)
            if entry is None:
                continue
            genres = await repository.record_activity(driver, **entry)
            if genres is not None:  # counted once, like the entry
                at = datetime.fromisoformat(entry["at"]).timestamp()
                await trending.count(redis, entry["media"], genres, entry["kind"], at)
                recorded += 1
        return recorded

    done = await stream.consume(redis, CURSOR_KEY, LOCK_KEY, record, batch=batch, begin=rebuild_trending)
    return -1 if done is None else done
