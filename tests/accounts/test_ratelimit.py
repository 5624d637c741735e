"""The per-address and per-IP sign-in limits, on the real Redis."""

import uuid

import pytest
from redis.asyncio import Redis

from app.accounts import ratelimit
from app.accounts.errors import TooManyAttempts
from app.settings import AuthSettings


async def test_ip_limit_spans_addresses(redis: Redis) -> None:
    a = AuthSettings(login_max_failures=5, login_max_failures_per_ip=3, lockout_seconds=60)
    ip = f"203.0.113.{uuid.uuid4().int % 250}-{uuid.uuid4().hex[:6]}"
    for i in range(3):  # three different addresses from one IP
        await ratelimit.attempt(redis, f"spray{i}-{uuid.uuid4().hex[:6]}@example.com", ip, a)
    with pytest.raises(TooManyAttempts):
        await ratelimit.attempt(redis, f"fresh-{uuid.uuid4().hex[:6]}@example.com", ip, a)


async def test_window_is_not_extended_by_more_failures(redis: Redis) -> None:
    a = AuthSettings(login_max_failures=2, login_max_failures_per_ip=100, lockout_seconds=60)
    email = f"lock-{uuid.uuid4().hex[:8]}@example.com"
    await ratelimit.attempt(redis, email, "", a)
    key = f"auth:fail:{ratelimit.digest(email)}"
    assert 55 <= await redis.ttl(key) <= 60
    await redis.expire(key, 5)  # pretend the window is nearly over
    await ratelimit.attempt(redis, email, "", a)
    with pytest.raises(TooManyAttempts):
        await ratelimit.attempt(redis, email, "", a)
    assert await redis.ttl(key) <= 5
