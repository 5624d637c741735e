"""Trending titles from weighted events, in Redis sorted sets of time buckets.

An event adds its weight to the bucket of its time, globally and for each genre of the
title. A period's ranking sums its buckets, each weighted down by its age (half-life a
quarter of the period), so a burst an hour ago counts more than one six days ago.
Friends' trending is read from the graph instead: it depends on who is asking.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from neo4j import AsyncDriver
from redis.asyncio import Redis
from redis.exceptions import RedisError

from app.logging import log

from . import repository

WEIGHTS = {"WATCHED": 1.0, "EPISODES": 1.0, "RATED": 2.0, "REVIEWED": 3.0, "LISTED": 0.5}
PREFIX = "reelgraph:trending:"
BUILT = PREFIX + "built"  # set once the buckets hold the graph's recent history
CACHE_SECONDS = 10


@dataclass(frozen=True)
class Period:
    name: str
    bucket: int  # seconds
    buckets: int

    @property
    def seconds(self) -> int:
        return self.bucket * self.buckets

    def weight(self, age_buckets: int) -> float:
        return float(0.5 ** (age_buckets * self.bucket / (self.seconds / 4)))


PERIODS = {"hour": Period("hour", 300, 12), "day": Period("day", 3600, 24), "week": Period("week", 21600, 28)}


def _key(period: Period, scope: str, index: int) -> str:
    return f"{PREFIX}{period.name}:{scope}:{index}"


async def count(redis: Redis, media: str, genres: list[str], kind: str, at: float) -> None:
    """One event into every period's bucket, globally and per genre."""
    weight = WEIGHTS.get(kind)
    if weight is None:
        return
    pipe = redis.pipeline(transaction=False)
    for period in PERIODS.values():
        index = int(at // period.bucket)
        for scope in ("all", *(f"genre:{g.lower()}" for g in genres)):
            key = _key(period, scope, index)
            pipe.zincrby(key, weight, media)
            pipe.expireat(key, (index + period.buckets + 1) * period.bucket)
    await pipe.execute()


async def top(redis: Redis, period_name: str, limit: int, genre: str | None = None,
              now: float | None = None) -> list[tuple[str, float]]:
    period = PERIODS[period_name]
    now = time.time() if now is None else now
    scope = f"genre:{genre.lower()}" if genre else "all"
    current = int(now // period.bucket)
    cache = f"{PREFIX}cache:{period.name}:{scope}:{current}"
    if not await redis.exists(cache):
        keys = {_key(period, scope, current - age): period.weight(age) for age in range(period.buckets)}
        await redis.zunionstore(cache, keys)
        await redis.expire(cache, CACHE_SECONDS)
    rows = await redis.zrevrange(cache, 0, limit * 4 - 1, withscores=True)
    return [(str(m), round(float(s), 4)) for m, s in rows]


async def top_or_graph(redis: Redis, driver: AsyncDriver, period_name: str, limit: int,
                       genre: str | None = None) -> list[tuple[str, float]]:
    """The Redis ranking, or, while Redis does not answer, the same sum over the graph's events."""
    try:
        return await top(redis, period_name, limit, genre)
    except (RedisError, OSError) as e:
        log.warning("trending.from_graph", error=repr(e))
    period, now = PERIODS[period_name], time.time()
    wanted = genre.lower() if genre else None
    scores: dict[str, float] = {}
    for r in await repository.recent_events(driver, now - period.seconds):
        if wanted is not None and wanted not in (g.lower() for g in r["genres"]):
            continue
        age_buckets = int(now // period.bucket) - int(r["at"] // period.bucket)
        scores[r["media"]] = scores.get(r["media"], 0.0) + WEIGHTS.get(r["kind"], 0.0) * period.weight(age_buckets)
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:limit * 4]
    return [(m, round(s, 4)) for m, s in ranked]


async def rebuild_if_empty(driver: AsyncDriver, redis: Redis) -> int:
    """After Redis lost its data: the last week's events, from the graph."""
    if await redis.exists(BUILT):
        return 0
    since = time.time() - PERIODS["week"].seconds
    rows = await repository.recent_events(driver, since)
    for r in rows:
        await count(redis, r["media"], r["genres"], r["kind"], r["at"])
    await redis.set(BUILT, "1")
    return len(rows)


async def friends_top(driver: AsyncDriver, viewer: str, period_name: str, limit: int,
                      max_level: int | None) -> list[tuple[str, float]]:
    period = PERIODS[period_name]
    now = time.time()
    rows = await repository.friends_trending(driver, viewer, now - period.seconds, now, period.seconds / 4,
                                             limit, max_level, {k.lower(): v for k, v in WEIGHTS.items()})
    return [(r["media"], round(r["score"], 4)) for r in rows]

