"""Throttles in Redis, keyed by what the caller typed (an email) or by IP, never by
whether an account exists, so they cannot reveal it.

An attempt is reserved (INCR) before the password or code is checked, so parallel
guesses cannot slip past the limit; success gives the reservation back. The window
starts at the first failure and is not extended by later ones, so nobody can keep an
address locked forever.
"""

from __future__ import annotations

from redis.asyncio import Redis

from app.kit.tokens import digest
from app.settings import AuthSettings

from .errors import TooManyAttempts

MAILS_PER_HOUR = 5  # account emails per address


def _email_key(kind: str, email: str) -> str:
    return f"auth:{kind}:{digest(email.strip().lower())}"


async def _take(redis: Redis, key: str, limit: int, window: int) -> bool:
    async with redis.pipeline(transaction=True) as pipe:
        pipe.incr(key)
        pipe.expire(key, window, nx=True)
        count, _ = await pipe.execute()
    return int(count) <= limit


async def attempt(redis: Redis, email: str, ip: str, a: AuthSettings) -> None:
    """Reserve one sign-in attempt for this address (and IP), or refuse. The IP limit,
    across all addresses, stops password spraying."""
    window = a.lockout_seconds
    ok_email = await _take(redis, _email_key("fail", email), a.login_max_failures, window)
    ok_ip = await _take(redis, f"auth:fail-ip:{ip}", a.login_max_failures_per_ip, window) if ip else True
    if not (ok_email and ok_ip):
        raise TooManyAttempts("Too many failed sign-in attempts; try again in a few minutes")


async def succeeded(redis: Redis, email: str, ip: str) -> None:
    await redis.delete(_email_key("fail", email))
    if ip:
        await redis.decr(f"auth:fail-ip:{ip}")


async def mail(redis: Redis, email: str) -> None:
    """At most a few account emails an hour to one address (sign-up, reset, resend)."""
    if not await _take(redis, _email_key("mail", email), MAILS_PER_HOUR, 3600):
        raise TooManyAttempts("Too many emails asked for this address; try again later")
