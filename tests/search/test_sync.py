"""The event-stream sync: one writer at a time, and a trimmed stream falls back to a repair."""

from __future__ import annotations

from fastapi import FastAPI
from neo4j import AsyncDriver
from redis.asyncio import Redis

from app import events
from app.kit import stream
from search import indexer


async def test_a_sync_skips_while_another_writer_holds_the_lock(
    app: FastAPI, driver: AsyncDriver, redis: Redis,
) -> None:
    async with redis.lock(indexer.LOCK_KEY, timeout=30):
        assert await indexer.sync_from_events(driver, redis, app.state.search) == -1
    assert await indexer.sync_from_events(driver, redis, app.state.search) >= 0


async def test_a_cursor_older_than_the_stream_repairs_instead(
    app: FastAPI, driver: AsyncDriver, redis: Redis,
) -> None:
    await events.publish(redis, "media.created", profile="p", media="not-a-title")
    await redis.set(indexer.CURSOR_KEY, "1-0")  # the events after it were trimmed away
    backend = app.state.search
    await backend.delete([])  # the index exists
    await indexer.sync_from_events(driver, redis, backend)
    last = await redis.xrevrange(stream.STREAM, count=1)
    assert await redis.get(indexer.CURSOR_KEY) == last[0][0]
    assert (await indexer.check(driver, backend)).ok  # the repair made index and graph agree
