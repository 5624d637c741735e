"""Review rules: length (validation table 6.4), visibility, reactions, comments, mentions."""

from __future__ import annotations

import re
from typing import Any

from neo4j import AsyncDriver
from redis.asyncio import Redis

from app import events
from app.catalog.service import require_media
from app.errors import InvalidInput, NotFound
from app.kit import cursor
from app.kit.checks import VISIBILITY
from app.kit.principal import Principal, acting

from . import repository

REACTIONS = ("like", "helpful", "funny")
MENTION = re.compile(r"(?<![\w@])@([\w.-]{1,50})")


def check_content(content: str) -> str:
    text = content.strip()
    if not 20 <= len(text) <= 5000:
        raise InvalidInput("Review must be 20-5000 characters", field="content")
    return text


def check_visibility(visibility: str) -> str:
    if visibility not in VISIBILITY:
        raise InvalidInput("Visibility must be public, friends or private", field="visibility")
    return visibility


async def create(driver: AsyncDriver, redis: Redis, p: Principal, media: str, content: str,
                 spoilers: bool, visibility: str, max_level: int | None) -> dict[str, Any]:
    content, visibility = check_content(content), check_visibility(visibility)
    await require_media(driver, media, max_level)
    row = await repository.create(driver, p.user, acting(p), media[:64], content, spoilers, visibility)
    if row is None:
        raise InvalidInput("You have already reviewed this title (edit that review), or it does "
                           "not exist", field="mediaId")
    await events.publish(redis, "media.reviewed", profile=p.profile, media=media, review=row["uid"])
    return row


async def readable(driver: AsyncDriver, viewer: Principal | None, max_level: int | None,
                   review: str) -> dict[str, Any]:
    rows = await repository.visible(driver, viewer.user if viewer else None,
                                    viewer.profile if viewer else None, max_level, ids=[review[:64]])
    if not rows:
        raise NotFound("No such review", field="reviewId")
    return rows[0]


async def react(driver: AsyncDriver, redis: Redis, p: Principal, max_level: int | None, review: str,
                kind: str, on: bool) -> None:
    if kind not in REACTIONS:
        raise InvalidInput("Reaction must be like, helpful or funny", field="kind")
    await readable(driver, p, max_level, review)  # only what you can read can be reacted to
    if not await repository.react(driver, p.user, acting(p), review[:64], kind, on):
        raise InvalidInput("You cannot react to your own review", field="reviewId")
    await events.publish(redis, "review.reacted", profile=p.profile, review=review, kind=kind, on=on)


async def comment(driver: AsyncDriver, redis: Redis, p: Principal, max_level: int | None,
                  review: str, content: str) -> dict[str, Any]:
    text = content.strip()
    if not 1 <= len(text) <= 2000:
        raise InvalidInput("Comment must be 1-2000 characters", field="content")
    await readable(driver, p, max_level, review)
    mentions = sorted({m.lower() for m in MENTION.findall(text)})[:20]
    row = await repository.comment(driver, p.user, acting(p), review[:64], text, mentions)
    if row is None:  # deleted while we were checking
        raise NotFound("No such review", field="reviewId")
    await events.publish(redis, "review.commented", profile=p.profile, review=review, comment=row["uid"])
    for target in row["mentioned"]:
        await events.publish(redis, "comment.mentioned", profile=p.profile, review=review,
                             comment=row["uid"], mentioned=target)
    return row


async def comments(driver: AsyncDriver, viewer: Principal | None, review: str,
                   first: int) -> list[dict[str, Any]]:
    """A review's comments, oldest first, none across a block; `first` is clamped to 1-100."""
    return await repository.comments(driver, review, viewer.user if viewer else None, max(1, min(first, 100)))


def encode_cursor(row: dict[str, Any]) -> str:
    return cursor.encode(int(row.get("helpful_count") or 0), cursor.instant(row["created_at"]), row["uid"])


def decode_cursor(after: str) -> tuple[int, str, str]:
    helpful, at, uid = cursor.decode(after, ("int", "instant", "str"))
    return helpful, at, uid
