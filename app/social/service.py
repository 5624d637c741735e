"""Rules of the social graph: who may follow whom, and what a follower may see."""

from __future__ import annotations

from typing import Any

from neo4j import AsyncDriver
from redis.asyncio import Redis

from app import events
from app.errors import InvalidInput, NotFound
from app.kit import cursor

from . import repository

BLOCKED = "You cannot follow this account"


def check_user_id(user_id: str, field: str = "userId") -> str:
    if not 1 <= len(user_id) <= 64:
        raise InvalidInput(f"{field} must be 1-64 characters", field=field)
    return user_id


async def follow(driver: AsyncDriver, me: str, them: str) -> dict[str, Any]:
    if check_user_id(them) == me:
        raise InvalidInput("You cannot follow yourself", field="userId")
    row = await repository.follow(driver, me, them)
    if row is None:
        # unknown, or a block in either direction: the same answer, so a block stays unseen
        raise NotFound(BLOCKED, field="userId")
    return row


async def answer(driver: AsyncDriver, me: str, them: str, approve: bool) -> bool:
    if not await repository.answer_request(driver, me, check_user_id(them), approve):
        raise NotFound("No pending request from this account", field="userId")
    return True


async def block(driver: AsyncDriver, redis: Redis, me: str, them: str) -> bool:
    if check_user_id(them) == me:
        raise InvalidInput("You cannot block yourself", field="userId")
    if not await repository.block(driver, me, them):
        raise NotFound("No such account", field="userId")
    await events.audience_changed(redis, me, them)  # live subscriptions stop at once
    return True


async def unfollow(driver: AsyncDriver, redis: Redis, me: str, them: str) -> bool:
    """Stop following, or withdraw a request; False if neither was there."""
    done = await repository.unfollow(driver, me, check_user_id(them))
    if done:
        await events.audience_changed(redis, me, them)
    return done


def encode_cursor(row: dict[str, Any]) -> str:
    entry = row["entry"]
    return cursor.encode(cursor.instant(entry["last_at"]), entry["uid"])


def decode_cursor(after: str | None) -> tuple[str | None, str | None]:
    if after is None:
        return None, None
    at, uid = cursor.decode(after, ("instant", "str"))
    return at, uid
