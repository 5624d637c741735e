"""Live activity: domain events fanned out to WebSocket subscribers through Redis pub/sub.

Each API process keeps one Redis subscription (LiveHub) to two channels: the stream's
announcement of every event (app.kit.stream.CHANNEL) and the bus's audience changes
(app.events.AUDIENCE). It hands each event a feed shows, decoded once, to the queues of its
local subscribers that watch the actor; any number of processes can serve them.
Who may see what is worked out when a subscription starts, every REFRESH_SECONDS, and at
once when the bus announces that an audience narrowed (a block, an unfollow, a privacy
change): the hub marks the subscriptions concerned, and each works its audience out again
before its next delivery. A delivery otherwise costs a dictionary lookup, not a query.

Why one subscription and not XREAD BLOCK on the stream: Redis delivers one connection's
messages in the order they were published, so an audience change always reaches the hub
before any event published after it, and a revoked viewer never sees the next event. The
stream read on a second connection would race the audience channel. Every process now
receives every event and drops those no local subscriber watches (a JSON decode each), as
an XREAD reader would; the bus names no listener's channel.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections import defaultdict
from collections.abc import AsyncIterator
from typing import TypedDict

from neo4j import AsyncDriver
from redis.asyncio import Redis

from app.events import AUDIENCE
from app.kit.stream import CHANNEL, Event
from cypher import read

LIVE_KINDS = {"media.watched": "WATCHED", "media.rated": "RATED", "episode.progress": "EPISODES",
              "media.reviewed": "REVIEWED", "list.item_added": "LISTED"}
REFRESH_SECONDS = 30.0
PING_SECONDS, SILENCE = 5.0, 12.0  # a quiet subscription is pinged; one silent this long is dropped
QUEUE_SIZE = 256  # a subscriber that far behind loses the oldest events, not the process


class Title(TypedDict):
    uid: str
    title: str
    level: int | None  # certification level; None: not rated


class Actor(TypedDict):
    """A profile whose events a viewer may see, and its account."""
    profile: str
    name: str
    avatar_url: str | None
    user: str


class _Happened(TypedDict):
    id: str
    kind: str  # a feed kind: WATCHED, RATED, ...
    profile: str
    media: str
    at: str
    rating: int | None
    list: str | None
    review: str | None


class LiveEvent(_Happened):
    title: Title | None  # None: the title is gone


class Delivery(_Happened):
    """A live event as one viewer receives it."""
    title: Title
    actor: Actor


def live_event(event: Event) -> LiveEvent | None:
    """A bus event as a live event; None for the kinds a feed does not show."""
    live = LIVE_KINDS.get(event.kind)
    media = event.text("show" if live == "EPISODES" else "media")
    profile = event.text("profile")
    if live is None or media is None or profile is None:
        return None
    return {"id": event.id, "kind": live, "profile": profile, "media": media, "at": event.at,
            "rating": event.number("rating"), "list": event.text("list"), "review": event.text("review"),
            "title": None}


class Subscription:
    """One subscriber's audience: the accounts it may see, and whether that may be stale."""

    def __init__(self, viewer: str) -> None:
        self.viewer, self.stale = viewer, False
        self.allowed: dict[str, Actor] | None = None  # None: being worked out

    def concerns(self, users: set[str]) -> bool:
        return self.allowed is None or self.viewer in users or \
            any(a["user"] in users for a in self.allowed.values())


class LiveHub:
    def __init__(self, redis: Redis, driver: AsyncDriver) -> None:
        self.redis, self.driver = redis, driver
        self.pubsub = redis.pubsub(ignore_subscribe_messages=True)
        self.queues: dict[str, set[asyncio.Queue[LiveEvent]]] = defaultdict(set)  # by actor profile
        self.subscriptions: set[Subscription] = set()
        self.media: dict[str, Title | None] = {}  # uid -> title and level, shared by all
        self.reader: asyncio.Task[None] | None = None

    async def start(self) -> None:
        await self.pubsub.subscribe(AUDIENCE, CHANNEL)
        self.reader = asyncio.create_task(self._read())

    async def close(self) -> None:
        if self.reader:
            self.reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self.reader
        await self.pubsub.aclose()  # type: ignore[no-untyped-call]

    async def _messages(self) -> AsyncIterator[tuple[str, str]]:
        """The subscription's messages (channel, data). A quiet connection is pinged; one that
        answers nothing for SILENCE seconds (a partition, a half-open socket) counts as dropped."""
        heard = time.monotonic()
        while True:
            message = await self.pubsub.get_message(ignore_subscribe_messages=True, timeout=PING_SECONDS)
            if message is not None:
                heard = time.monotonic()
                if message.get("type") == "message":
                    yield message["channel"], message["data"]
                continue
            if time.monotonic() - heard > SILENCE:
                raise ConnectionError("the live subscription's connection answers nothing")
            await self.pubsub.ping()

    async def _read(self) -> None:
        while True:
            try:
                async for channel, data in self._messages():
                    if channel == AUDIENCE:  # before any event published after it
                        users = set(json.loads(data)["users"])
                        for sub in self.subscriptions:
                            sub.stale = sub.stale or sub.concerns(users)
                        continue
                    event = Event.announced(data)
                    queues = self.queues.get(event.text("profile") or "") if event else None
                    if not event or not queues or (live := live_event(event)) is None:
                        continue
                    live["title"] = await self._media(live["media"])
                    for q in list(queues):
                        if q.full():
                            q.get_nowait()
                        q.put_nowait(live)
            except asyncio.CancelledError:
                raise
            except Exception:  # a dropped connection: resubscribe (until Redis answers) and go on
                await self._resubscribe()

    async def _resubscribe(self) -> None:
        delay = 0.5
        while True:
            await asyncio.sleep(delay)
            try:
                # what changed while the connection was down is unknown: look again
                for sub in self.subscriptions:
                    sub.stale = True
                await self.pubsub.aclose()  # type: ignore[no-untyped-call]  # drops the dead connection
                await self.pubsub.subscribe(AUDIENCE, CHANNEL)
                return
            except Exception:  # noqa: BLE001 - Redis still away: wait longer, up to 10 s
                delay = min(delay * 2, 10.0)

    async def _media(self, uid: str) -> Title | None:
        if uid not in self.media:
            if len(self.media) > 50_000:
                self.media.clear()
            rows = await read(self.driver, "social/live_media", uid=uid)
            self.media[uid] = Title(uid=rows[0]["uid"], title=rows[0]["title"], level=rows[0]["level"]) \
                if rows else None
        return self.media[uid]

    def watch(self, profiles: set[str], queue: asyncio.Queue[LiveEvent]) -> None:
        for p in profiles:
            self.queues[p].add(queue)

    def unwatch(self, profiles: set[str], queue: asyncio.Queue[LiveEvent]) -> None:
        for p in profiles:
            self.queues[p].discard(queue)
            if not self.queues[p]:
                del self.queues[p]


async def audience(driver: AsyncDriver, viewer: str, only_user: str | None) -> dict[str, Actor]:
    """The profiles whose events this viewer may see live: of accounts it follows, public,
    or friends-only between mutual follows, never across a block."""
    rows = await read(driver, "social/live_audience", viewer=viewer, only_user=only_user)
    return {r["profile"]: Actor(profile=r["profile"], name=r["name"], avatar_url=r["avatar_url"], user=r["user"])
            for r in rows}


async def events_for(hub: LiveHub, driver: AsyncDriver, viewer: str, max_level: int | None,
                     only_user: str | None = None, kinds: set[str] | None = None) -> AsyncIterator[Delivery]:
    """The viewer's live events, as long as the subscription lasts."""
    queue: asyncio.Queue[LiveEvent] = asyncio.Queue(QUEUE_SIZE)
    sub = Subscription(viewer)
    watched: set[str] = set()
    hub.subscriptions.add(sub)  # before the audience query: a change during it marks it stale
    try:
        allowed = sub.allowed = await audience(driver, viewer, only_user)
        watched = set(allowed)
        hub.watch(watched, queue)
        refreshed = time.monotonic()
        while True:
            event: LiveEvent | None
            try:
                event = await asyncio.wait_for(queue.get(), timeout=REFRESH_SECONDS)
            except TimeoutError:
                event = None
            if sub.stale or time.monotonic() - refreshed >= REFRESH_SECONDS:
                sub.stale = False
                allowed = sub.allowed = await audience(driver, viewer, only_user)
                hub.unwatch(watched - set(allowed), queue)
                hub.watch(set(allowed) - watched, queue)
                watched, refreshed = set(allowed), time.monotonic()
            if event is None or event["profile"] not in allowed:
                continue
            if kinds is not None and event["kind"] not in kinds:
                continue
            media = event["title"]
            if media is None or (max_level is not None and (media["level"] is None or media["level"] > max_level)):
                continue
            if event["kind"] in ("LISTED", "REVIEWED") and not await _visible_target(driver, viewer, event):
                continue
            yield {"id": event["id"], "kind": event["kind"], "profile": event["profile"], "media": event["media"],
                   "at": event["at"], "rating": event["rating"], "list": event["list"], "review": event["review"],
                   "title": media, "actor": allowed[event["profile"]]}
    finally:
        hub.subscriptions.discard(sub)
        hub.unwatch(watched, queue)


async def _visible_target(driver: AsyncDriver, viewer: str, event: LiveEvent) -> bool:
    rows = await read(driver, "social/live_target_visible", viewer=viewer, list=event["list"],
                      review=event["review"])
    return bool(rows and rows[0]["visible"])
