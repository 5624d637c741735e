"""Live activity: domain events fanned out to WebSocket subscribers through Redis pub/sub.

The bus (app.events) announces every event on its actor's channel. Each API process keeps
one Redis subscription (LiveHub), to the channels of the actors its subscribers may see,
and hands each event a feed shows, decoded once, to the queues of its local subscribers;
any number of processes can serve them.
Who may see what is worked out when a subscription starts, every REFRESH_SECONDS, and at
once when the bus announces that an audience narrowed (a block, an unfollow, a privacy
change): the hub marks the subscriptions concerned, and each works its audience out again
before its next delivery. A delivery otherwise costs a dictionary lookup, not a query.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections import defaultdict
from collections.abc import AsyncIterator
from typing import Any

from neo4j import AsyncDriver
from redis.asyncio import Redis

from app.events import AUDIENCE, CHANNEL
from cypher import read

LIVE_KINDS = {"media.watched": "WATCHED", "media.rated": "RATED", "episode.progress": "EPISODES",
              "media.reviewed": "REVIEWED", "list.item_added": "LISTED"}
REFRESH_SECONDS = 30.0
PING_SECONDS, SILENCE = 5.0, 12.0  # a quiet subscription is pinged; one silent this long is dropped
QUEUE_SIZE = 256  # a subscriber that far behind loses the oldest events, not the process


def live_event(message: str) -> dict[str, Any] | None:
    """A bus announcement as a live event; None for the kinds a feed does not show."""
    bus = json.loads(message)
    live = LIVE_KINDS.get(bus.get("kind", ""))
    data = json.loads(bus.get("data") or "{}")
    media = data.get("show") if live == "EPISODES" else data.get("media")
    if live is None or not isinstance(media, str):
        return None
    return {"id": bus["id"], "kind": live, "profile": data["profile"], "media": media, "at": bus["at"],
            "rating": data.get("rating"), "list": data.get("list"), "review": data.get("review")}


class Subscription:
    """One subscriber's audience: the accounts it may see, and whether that may be stale."""

    def __init__(self, viewer: str) -> None:
        self.viewer, self.stale = viewer, False
        self.allowed: dict[str, dict[str, Any]] | None = None  # None: being worked out

    def concerns(self, users: set[str]) -> bool:
        return self.allowed is None or self.viewer in users or \
            any(a["user"] in users for a in self.allowed.values())


class LiveHub:
    def __init__(self, redis: Redis, driver: AsyncDriver) -> None:
        self.redis, self.driver = redis, driver
        self.pubsub = redis.pubsub(ignore_subscribe_messages=True)
        self.queues: dict[str, set[asyncio.Queue[dict[str, Any]]]] = defaultdict(set)
        self.subscriptions: set[Subscription] = set()
        self.media: dict[str, dict[str, Any] | None] = {}  # uid -> title and level, shared by all
        self.reader: asyncio.Task[None] | None = None
        self.lock = asyncio.Lock()

    async def start(self) -> None:
        await self.pubsub.subscribe(AUDIENCE)
        self.reader = asyncio.create_task(self._read())

    async def close(self) -> None:
        if self.reader:
            self.reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self.reader
        await self.pubsub.aclose()  # type: ignore[no-untyped-call]

    async def _messages(self) -> AsyncIterator[dict[str, Any]]:
        """The subscription's messages. A quiet connection is pinged; one that answers
        nothing for SILENCE seconds (a partition, a half-open socket) counts as dropped."""
        heard = time.monotonic()
        while True:
            message = await self.pubsub.get_message(ignore_subscribe_messages=True, timeout=PING_SECONDS)
            if message is not None:
                heard = time.monotonic()
                if message.get("type") in ("message", "pmessage"):
                    yield message
                continue
            if time.monotonic() - heard > SILENCE:
                raise ConnectionError("the live subscription's connection answers nothing")
            await self.pubsub.ping()

    async def _read(self) -> None:
        while True:
            try:
                async for message in self._messages():
                    channel = message["channel"]
                    if channel == AUDIENCE:  # before any event published after it
                        users = set(json.loads(message["data"])["users"])
                        for sub in self.subscriptions:
                            sub.stale = sub.stale or sub.concerns(users)
                        continue
                    queues = self.queues.get(channel[len(CHANNEL):])
                    if not queues:
                        continue
                    event = live_event(message["data"])
                    if event is None:
                        continue
                    event["title"] = await self._media(event["media"])
                    for q in list(queues):
                        if q.full():
                            q.get_nowait()
                        q.put_nowait(event)
            except asyncio.CancelledError:
                raise
            except Exception:  # a dropped connection: resubscribe (until Redis answers) and go on
                await self._resubscribe()

    async def _resubscribe(self) -> None:
        delay = 0.5
        while True:
            await asyncio.sleep(delay)
            try:
                async with self.lock:
                    # what changed while the connection was down is unknown: look again
                    for sub in self.subscriptions:
                        sub.stale = True
                    await self.pubsub.aclose()  # type: ignore[no-untyped-call]  # drops the dead connection
                    await self.pubsub.subscribe(AUDIENCE, *(CHANNEL + p for p in self.queues))
                return
            except Exception:  # noqa: BLE001 - Redis still away: wait longer, up to 10 s
                delay = min(delay * 2, 10.0)

    async def _media(self, uid: str) -> dict[str, Any] | None:
        if uid not in self.media:
            if len(self.media) > 50_000:
                self.media.clear()
            rows = await read(self.driver, "social/live_media", uid=uid)
            self.media[uid] = dict(rows[0]) if rows else None
        return self.media[uid]

    async def watch(self, profiles: set[str], queue: asyncio.Queue[dict[str, Any]]) -> None:
        async with self.lock:
            new = [p for p in profiles if not self.queues.get(p)]
            for p in profiles:
                self.queues[p].add(queue)
            if new:
                await self.pubsub.subscribe(*(CHANNEL + p for p in new))

    async def unwatch(self, profiles: set[str], queue: asyncio.Queue[dict[str, Any]]) -> None:
        async with self.lock:
            gone = []
            for p in profiles:
                self.queues[p].discard(queue)
                if not self.queues[p]:
                    del self.queues[p]
                    gone.append(CHANNEL + p)
            if gone:
                await self.pubsub.unsubscribe(*gone)


async def audience(driver: AsyncDriver, viewer: str, only_user: str | None) -> dict[str, dict[str, Any]]:
    """The profiles whose events this viewer may see live: of accounts it follows, public,
    or friends-only between mutual follows, never across a block."""
    rows = await read(driver, "social/live_audience", viewer=viewer, only_user=only_user)
    return {r["profile"]: dict(r) for r in rows}


async def events_for(hub: LiveHub, driver: AsyncDriver, viewer: str, max_level: int | None,
                     only_user: str | None = None, kinds: set[str] | None = None) -> AsyncIterator[dict[str, Any]]:
    """The viewer's live events, as long as the subscription lasts."""
    queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue(QUEUE_SIZE)
    sub = Subscription(viewer)
    watched: set[str] = set()
    hub.subscriptions.add(sub)  # before the audience query: a change during it marks it stale
    try:
        allowed = sub.allowed = await audience(driver, viewer, only_user)
        watched = set(allowed)
        await hub.watch(watched, queue)
        refreshed = time.monotonic()
        while True:
            try:
                event = await asyncio.wait_for(queue.get(), timeout=REFRESH_SECONDS)
            except TimeoutError:
                event = None
            if sub.stale or time.monotonic() - refreshed >= REFRESH_SECONDS:
                sub.stale = False
                allowed = sub.allowed = await audience(driver, viewer, only_user)
                await hub.unwatch(watched - set(allowed), queue)
                await hub.watch(set(allowed) - watched, queue)
                watched, refreshed = set(allowed), time.monotonic()
            if event is None or event["profile"] not in allowed:
                continue
            if kinds is not None and event["kind"] not in kinds:
                continue
            media = event.get("title")
            if media is None or (max_level is not None and (media["level"] is None or media["level"] > max_level)):
                continue
            if event["kind"] in ("LISTED", "REVIEWED") and not await _visible_target(driver, viewer, event):
                continue
            yield {**event, "actor": allowed[event["profile"]]}
    finally:
        hub.subscriptions.discard(sub)
        await hub.unwatch(watched, queue)


async def _visible_target(driver: AsyncDriver, viewer: str, event: dict[str, Any]) -> bool:
    rows = await read(driver, "social/live_target_visible", viewer=viewer, list=event.get("list"),
                      review=event.get("review"))
    return bool(rows and rows[0]["visible"])
