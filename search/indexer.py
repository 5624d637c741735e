"""Keeping the index in step with Neo4j: full rebuild, updates by id, the event-driven
sync the worker runs, and a check that lists what is missing or stale."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from neo4j import AsyncDriver
from redis.asyncio import Redis
from tqdm import tqdm

from app.kit import stream
from app.kit.stream import Event
from cypher import read

from .backend import SearchBackend
from .documents import MediaDoc, PersonDoc, media_doc, person_doc

T = TypeVar("T")
BATCH = 2000
CURSOR_KEY = "reelgraph:search:stream_position"
# one index writer of the event stream at a time, across processes: a sync skips its run
# while another sync or a rebuild holds this, and a rebuild waits for it
LOCK_KEY = "reelgraph:search:writing"
SYNC_LOCK_SECONDS = 600
REBUILD_LOCK_SECONDS = 3 * 3600
# events that change what a title's document holds (its rating, popularity, or the title itself)
CATALOG_EVENTS = {"media.created", "media.rated", "media.watched", "media.unwatched"}


async def _pages(driver: AsyncDriver, name: str, batch: int) -> AsyncIterator[list[dict[str, Any]]]:
    after = None
    while True:
        rows = [r["doc"] for r in await read(driver, name, ids=None, after=after, limit=batch)]
        if not rows:
            return
        yield rows
        after = rows[-1]["uid"]


async def count_documents(driver: AsyncDriver) -> int:
    rows = await read(driver, "search/count_documents")
    return int(rows[0]["total"])


async def all_documents(driver: AsyncDriver, batch: int = BATCH, progress: bool = False
                        ) -> AsyncIterator[tuple[list[MediaDoc], list[PersonDoc]]]:
    bar = tqdm(total=await count_documents(driver), unit="doc", desc="indexing",
               disable=not progress)
    try:
        async for rows in _pages(driver, "search/media_documents", batch):
            bar.update(len(rows))
            yield [media_doc(r) for r in rows], []
        async for rows in _pages(driver, "search/people_documents", batch):
            bar.update(len(rows))
            yield [], [person_doc(r) for r in rows]
    finally:
        bar.close()


async def documents_for(driver: AsyncDriver, ids: list[str]) -> tuple[list[MediaDoc], list[PersonDoc]]:
    params = {"ids": ids, "after": None, "limit": len(ids)}
    media = [media_doc(r["doc"]) for r in await read(driver, "search/media_documents", **params)]
    people = [person_doc(r["doc"]) for r in await read(driver, "search/people_documents", **params)]
    return media, people


async def reindex(driver: AsyncDriver, backend: SearchBackend, redis: Redis | None = None,
                  progress: bool = False) -> int:
    """Rebuilds the whole index from Neo4j. Events already in the stream are covered by
    the rebuild, so the sync carries on after them."""
    if redis is None:
        return await backend.rebuild(all_documents(driver, progress=progress))
    async with redis.lock(LOCK_KEY, timeout=REBUILD_LOCK_SECONDS, blocking_timeout=SYNC_LOCK_SECONDS):
        return await _covering_stream(redis, backend.rebuild(all_documents(driver, progress=progress)))


async def index_ids(driver: AsyncDriver, backend: SearchBackend, ids: list[str]) -> tuple[int, int]:
    """Writes the current documents of these ids; ids gone from Neo4j leave the index.
    Returns (written, deleted)."""
    written = deleted = 0
    unique = sorted(set(ids))
    for start in range(0, len(unique), BATCH):
        chunk = unique[start:start + BATCH]
        media, people = await documents_for(driver, chunk)
        gone = sorted(set(chunk) - {d.id for d in media} - {p.id for p in people})
        if media or people:
            await backend.upsert(media, people)
        if gone:
            await backend.delete(gone)
        written += len(media) + len(people)
        deleted += len(gone)
    return written, deleted


@dataclass
class CheckReport:
    documents: int  # what Neo4j holds
    indexed: int  # what the index holds
    missing: list[str] = field(default_factory=list)  # in Neo4j, not in the index
    stale: list[str] = field(default_factory=list)  # in both, the index's copy out of date
    orphans: list[str] = field(default_factory=list)  # in the index, gone from Neo4j

    @property
    def ok(self) -> bool:
        return not (self.missing or self.stale or self.orphans)

    def summary(self) -> str:
        return (f"{self.documents} documents in Neo4j, {self.indexed} in the index: "
                f"{len(self.missing)} missing, {len(self.stale)} stale, {len(self.orphans)} orphaned")


async def check(driver: AsyncDriver, backend: SearchBackend, progress: bool = False) -> CheckReport:
    indexed = await backend.digests()
    report = CheckReport(documents=0, indexed=len(indexed))
    seen: set[str] = set()
    async for media, people in all_documents(driver, progress=progress):
        docs: list[MediaDoc | PersonDoc] = [*media, *people]
        for doc in docs:
            seen.add(doc.id)
            have = indexed.get(doc.id)
            if have is None:
                report.missing.append(doc.id)
            elif have != doc.digest:
                report.stale.append(doc.id)
    report.documents = len(seen)
    report.orphans = sorted(set(indexed) - seen)
    return report


async def repair(driver: AsyncDriver, backend: SearchBackend, redis: Redis | None = None,
                 progress: bool = False) -> CheckReport:
    """Checks, then rewrites what was missing, stale or orphaned. Returns what it found.
    With `redis`, events already in the stream count as handled, as after a rebuild."""
    if redis is None:
        return await _repair(driver, backend, progress)
    async with redis.lock(LOCK_KEY, timeout=REBUILD_LOCK_SECONDS, blocking_timeout=SYNC_LOCK_SECONDS):
        return await _covering_stream(redis, _repair(driver, backend, progress))


async def _repair(driver: AsyncDriver, backend: SearchBackend, progress: bool) -> CheckReport:
    report = await check(driver, backend, progress=progress)
    if not report.ok:
        await index_ids(driver, backend, report.missing + report.stale + report.orphans)
    return report


async def _covering_stream(redis: Redis, work: Awaitable[T]) -> T:
    """Runs work that reads the whole graph; the events in the stream when it began are then
    covered, so the sync's position moves to the end they had."""
    last = await stream.last_id(redis)
    result = await work
    if last is not None:
        await redis.set(CURSOR_KEY, last)
    return result


async def sync_from_events(driver: AsyncDriver, redis: Redis, backend: SearchBackend,
                           batch: int = 1000) -> int:
    """Re-indexes the titles that catalog events since the last run touched, in batches
    (one commit per batch: many small commits fragment a tantivy index). Safe to run twice:
    the position only moves on after the batch is written, and a run finding another sync
    or a rebuild at work skips. Returns the titles re-indexed (-1: skipped)."""

    async def repair_if_trimmed(position: str) -> int | None:
        if not await stream.trimmed_past(redis, position):
            return None
        # what fell off is unknown, so compare all
        report = await _covering_stream(redis, _repair(driver, backend, progress=False))
        return len(report.missing) + len(report.stale) + len(report.orphans)

    async def reindex_touched(events: list[Event]) -> int:
        ids = sorted({m for e in events if e.kind in CATALOG_EVENTS and (m := e.text("media")) is not None})
        if ids:
            await index_ids(driver, backend, ids)
        return len(ids)

    done = await stream.consume(redis, CURSOR_KEY, LOCK_KEY, reindex_touched, batch=batch,
                                lock_seconds=SYNC_LOCK_SECONDS, begin=repair_if_trimmed)
    return -1 if done is None else done
