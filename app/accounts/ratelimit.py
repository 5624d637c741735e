"""Login throttling in Redis: failures per email (known or not) lock that email for a while."""

from __future__ import annotations

from redis.asyncio import Redis

from .tokens import digest


def _key(email: str) -> str:
    return f"auth:fail:{digest(email.strip().lower())}"


async def locked(redis: Redis, email: str, max_failures: int) -> bool:
    count = await redis.get(_key(email))
    return count is not None and int(count) >= max_failures


async def failed(redis: Redis, email: str, window_seconds: int) -> int:
    key = _key(email)
    async with redis.pipeline(transaction=True) as pipe:
        pipe.incr(key)
        pipe.expire(key, window_seconds)
        count, _ = await pipe.execute()
    return int(count)


async def succeeded(redis: Redis, email: str) -> None:
    await redis.delete(_key(email))
