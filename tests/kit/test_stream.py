"""The shared stream reader over a real Redis: one run at a time, a position that moves
only past handled batches, and a first step that can end the run."""

from __future__ import annotations

import uuid

import pytest
from redis.asyncio import Redis

from app.kit import stream
from app.kit.stream import Event


@pytest.fixture
async def keys(redis: Redis) -> tuple[str, str]:
    """A reader of its own, positioned at the stream's end (other tests' events are behind it)."""
    tag = uuid.uuid4().hex
    position, lock = f"test:stream:{tag}:position", f"test:stream:{tag}:lock"
    await redis.set(position, await stream.last_id(redis) or stream.START)
    return position, lock


async def appended(redis: Redis, n: int) -> list[str]:
    return [await stream.append(redis, "media.rated", {"profile": "p", "media": f"m{i}", "rating": i})
            for i in range(n)]


async def test_events_arrive_in_batches_and_the_position_follows(redis: Redis, keys: tuple[str, str]) -> None:
    ids = await appended(redis, 5)
    seen: list[list[Event]] = []

    async def handle(events: list[Event]) -> int:
        seen.append(events)
        return len(events)

    assert await stream.consume(redis, *keys, handle, batch=2) == 5
    assert [len(b) for b in seen] == [2, 2, 1]
    first = seen[0][0]
    assert (first.id, first.kind, first.text("media"), first.number("rating")) == (ids[0], "media.rated", "m0", 0)
    assert await redis.get(keys[0]) == ids[-1]
    assert await stream.consume(redis, *keys, handle) == 0  # nothing new


async def test_a_failed_batch_is_handed_over_again(redis: Redis, keys: tuple[str, str]) -> None:
    ids = await appended(redis, 4)
    calls: list[list[str]] = []

    async def fails_on_the_second(events: list[Event]) -> int:
        calls.append([e.id for e in events])
        if len(calls) == 2:
            raise RuntimeError("the handler failed")
        return len(events)

    with pytest.raises(RuntimeError):
        await stream.consume(redis, *keys, fails_on_the_second, batch=2)
    assert await redis.get(keys[0]) == ids[1]  # past the first batch only
    assert not await redis.exists(keys[1])  # the lock was released
    assert await stream.consume(redis, *keys, fails_on_the_second, batch=2) == 2
    assert calls == [ids[:2], ids[2:], ids[2:]]


async def test_a_run_skips_while_another_holds_the_lock(redis: Redis, keys: tuple[str, str]) -> None:
    await appended(redis, 1)
    position, lock = keys

    async def handle(events: list[Event]) -> int:
        raise AssertionError("a skipped run reads nothing")

    async with redis.lock(lock, timeout=30):
        assert await stream.consume(redis, position, lock, handle) is None


async def test_begin_can_end_the_run(redis: Redis, keys: tuple[str, str]) -> None:
    saved = await redis.get(keys[0])
    await appended(redis, 2)
    began: list[str] = []

    async def caught_up(position: str) -> int:
        began.append(position)
        return 7

    async def handle(events: list[Event]) -> int:
        raise AssertionError("begin ended the run")

    assert await stream.consume(redis, *keys, handle, begin=caught_up) == 7
    assert began == [saved]


async def test_a_position_before_the_trimmed_end_is_noticed(redis: Redis) -> None:
    await appended(redis, 1)
    assert await stream.trimmed_past(redis, "1-0")  # the events after it were trimmed away
    assert not await stream.trimmed_past(redis, stream.START)
    newest = await stream.last_id(redis)
    assert newest is not None and not await stream.trimmed_past(redis, newest)


async def test_an_announcement_decodes_to_the_stream_event(redis: Redis) -> None:
    async with redis.pubsub(ignore_subscribe_messages=True) as pubsub:
        await pubsub.subscribe(stream.CHANNEL)
        [event_id] = await appended(redis, 1)
        message = None
        while message is None:
            message = await pubsub.get_message(ignore_subscribe_messages=True, timeout=2)
        [(_, fields)] = await redis.xrange(stream.STREAM, min=event_id, max=event_id)
        assert Event.announced(message["data"]) == Event.decode(event_id, fields)


async def test_an_entry_that_is_not_an_event_is_skipped_not_stuck_on(redis: Redis, keys: tuple[str, str]) -> None:
    broken = [str(await redis.xadd(stream.STREAM, {"kind": "media.rated"})),  # no time
              str(await redis.xadd(stream.STREAM, {"kind": "media.rated", "at": "now", "data": "{oops"}))]
    [good] = await appended(redis, 1)
    seen: list[str] = []

    async def handle(events: list[Event]) -> int:
        seen.extend(e.id for e in events)
        return len(events)

    assert await stream.consume(redis, *keys, handle) == 1
    assert seen == [good] and len(broken) == 2
    assert await redis.get(keys[0]) == good
