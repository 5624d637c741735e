"""The event stream: one Redis stream of what happened, read by the activity feed, the
search sync and later webhooks, each from a position of its own (consume). Each event is
also announced at once on CHANNEL for readers that cannot wait for their next run.
Nothing here knows a domain or a reader; search/ imports it without the app.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from redis.asyncio import Redis

from app.logging import log

STREAM = "reelgraph:events"
CHANNEL = STREAM + ":new"  # every appended event, as soon as it is in the stream
MAX_LEN = 100_000  # approximate trim: the stream is a feed, not an archive
START = "0-0"  # the position before the first event


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    kind: str
    at: str  # ISO 8601, UTC
    data: Mapping[str, object]  # the acting profile and the ids involved

    @classmethod
    def decode(cls, event_id: str, fields: Mapping[str, str]) -> Event | None:
        """None for an entry that is not one of ours (written by hand, or by a broken
        producer): readers skip it rather than stop at it forever."""
        try:
            data = json.loads(fields.get("data") or "{}")
            if not isinstance(data, dict):
                raise ValueError("data is not an object")
            return cls(event_id, fields.get("kind", ""), fields["at"], data)
        except (KeyError, ValueError) as e:
            log.warning("stream.malformed_event", id=event_id, error=repr(e))
            return None

    @classmethod
    def announced(cls, message: str) -> Event | None:
        try:
            fields = json.loads(message)
            return cls.decode(str(fields.pop("id")), fields)
        except (KeyError, ValueError, TypeError, AttributeError) as e:
            log.warning("stream.malformed_announcement", error=repr(e))
            return None

    def text(self, key: str) -> str | None:
        value = self.data.get(key)
        return value if isinstance(value, str) else None

    def number(self, key: str) -> int | None:
        value = self.data.get(key)
        return value if isinstance(value, int) else None


Handler = Callable[[list[Event]], Awaitable[int]]
Begin = Callable[[str], Awaitable[int | None]]


async def append(redis: Redis, kind: str, data: Mapping[str, object]) -> str:
    """Adds an event and announces it; returns its id. Redis errors reach the caller."""
    fields = {"kind": kind, "at": datetime.now(UTC).isoformat(), "data": json.dumps(data, default=str)}
    event_id = str(await redis.xadd(STREAM, fields, maxlen=MAX_LEN, approximate=True))  # type: ignore[arg-type]
    await redis.publish(CHANNEL, json.dumps({"id": event_id, **fields}))
    return event_id


async def consume(redis: Redis, position_key: str, lock_key: str, handle: Handler, *, batch: int = 500,
                  lock_seconds: float = 60, begin: Begin | None = None) -> int | None:
    """Hands the events after the saved position to `handle`, a batch at a time, and moves the
    position past a batch only once `handle` finished it: a run that fails resumes there, so
    a handler must be safe to see an event twice. One run at a time across processes: a run
    that finds `lock_key` held skips and returns None; otherwise the sum of handle's counts.
    `begin` runs first, under the lock, with the saved position; a count it returns ends the
    run (it caught up another way and moved the position itself)."""
    lock = redis.lock(lock_key, timeout=lock_seconds)
    if not await lock.acquire(blocking=False):
        return None
    try:
        position = await redis.get(position_key) or START
        if begin is not None and (done := await begin(position)) is not None:
            return done
        handled = 0
        while entries := await redis.xrange(STREAM, min=f"({position}", count=batch):
            decoded = (Event.decode(str(i), fields) for i, fields in entries)
            handled += await handle([e for e in decoded if e is not None])
            position = str(entries[-1][0])
            await redis.set(position_key, position)
        return handled
    finally:
        await lock.release()


async def last_id(redis: Redis) -> str | None:
    newest = await redis.xrevrange(STREAM, count=1)
    return str(newest[0][0]) if newest else None


async def trimmed_past(redis: Redis, position: str) -> bool:
    """Whether events after `position` fell off the trimmed end: what they said is unknown."""
    oldest = await redis.xrange(STREAM, count=1)
    return position != START and bool(oldest) and _order(str(oldest[0][0])) > _order(position)


def _order(event_id: str) -> tuple[int, int]:
    ms, _, seq = event_id.partition("-")
    return int(ms), int(seq or 0)
