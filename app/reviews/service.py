"""Review rules: length (validation table 6.4), visibility, reactions, comments, mentions."""

from __future__ import annotations

import re
from dataclasses import dataclass

from neo4j import AsyncDriver
from redis.asyncio import Redis

from app import events
from app.catalog.service import require_media
from app.errors import InvalidInput, NotFound
from app.kit import cursor
from app.kit.checks import check_id, check_visibility
from app.kit.principal import Principal, acting

from . import repository
from .rows import CommentRow, ReviewRow

REACTIONS = ("like", "helpful", "funny")
MENTION = re.compile(r"(?<![\w@])@([\w.-]{1,50})")


def check_content(content: str) -> str:
    text = content.strip()
    if not 20 <= len(text) <= 5000:
        raise InvalidInput("Review must be 20-5000 characters", field="content")
    return text


async def create(driver: AsyncDriver, redis: Redis, p: Principal, media: str, content: str,
                 spoilers: bool, visibility: str, max_level: int | None) -> ReviewRow:
    """The new review, as its author reads it."""
    content, visibility = check_content(content), check_visibility(visibility)
    await require_media(driver, media, max_level)
    row = await repository.create(driver, p.user, acting(p), media, content, spoilers, visibility)
    if row is None:
        raise InvalidInput("You have already reviewed this title (edit that review), or it does "
                           "not exist", field="mediaId")
    await events.publish(redis, "media.reviewed", profile=p.profile, media=media, review=row["uid"])
    return await readable(driver, p, max_level, row["uid"])


async def update(driver: AsyncDriver, redis: Redis, p: Principal, max_level: int | None, review: str,
                 content: str | None, spoilers: bool | None, visibility: str | None) -> ReviewRow:
    props: dict[str, object] = {}
    if content is not None:
        props["content"] = check_content(content)
    if spoilers is not None:
        props["contains_spoilers"] = spoilers
    if visibility is not None:
        props["visibility"] = check_visibility(visibility)
    if await repository.update(driver, p.user, acting(p), check_id(review, "id"), props) is None:
        raise NotFound("No such review of yours", field="id")
    await events.publish(redis, "review.updated", profile=p.profile, review=review)
    return await readable(driver, p, max_level, review, "id")


async def delete(driver: AsyncDriver, redis: Redis, p: Principal, review: str) -> bool:
    deleted = await repository.delete(driver, p.user, acting(p), check_id(review, "id"))
    if deleted:
        await events.publish(redis, "review.deleted", profile=p.profile, review=review)
    return deleted


async def readable(driver: AsyncDriver, viewer: Principal | None, max_level: int | None,
                   review: str, field: str = "reviewId") -> ReviewRow:
    rows = await repository.visible(driver, viewer.user if viewer else None,
                                    viewer.profile if viewer else None, max_level,
                                    ids=[check_id(review, field)])
    if not rows:
        raise NotFound("No such review", field="reviewId")
    return rows[0]


@dataclass(frozen=True)
class ReviewPage:
    items: list[ReviewRow]
    has_next: bool


async def page(driver: AsyncDriver, viewer: Principal | None, max_level: int | None, media: str,
               first: int, after: str | None) -> ReviewPage:
    """Reviews of a title the viewer may read, most helpful first."""
    if not 1 <= first <= 100:
        raise InvalidInput("first must be between 1 and 100", field="first")
    rows = await repository.visible(driver, viewer.user if viewer else None,
                                    viewer.profile if viewer else None, max_level,
                                    media=check_id(media, "mediaId"), limit=first + 1,
                                    after=decode_cursor(after) if after else None)
    return ReviewPage(items=rows[:first], has_next=len(rows) > first)


async def react(driver: AsyncDriver, redis: Redis, p: Principal, max_level: int | None, review: str,
                kind: str, on: bool) -> ReviewRow:
    """The review with its counts after the reaction."""
    if kind not in REACTIONS:
        raise InvalidInput("Reaction must be like, helpful or funny", field="kind")
    await readable(driver, p, max_level, review)  # only what you can read can be reacted to
    if not await repository.react(driver, p.user, acting(p), review, kind, on):
        raise InvalidInput("You cannot react to your own review", field="reviewId")
    await events.publish(redis, "review.reacted", profile=p.profile, review=review, kind=kind, on=on)
    return await readable(driver, p, max_level, review)


async def comment(driver: AsyncDriver, redis: Redis, p: Principal, max_level: int | None,
                  review: str, content: str) -> CommentRow:
    text = content.strip()
    if not 1 <= len(text) <= 2000:
        raise InvalidInput("Comment must be 1-2000 characters", field="content")
    await readable(driver, p, max_level, review)
    mentions = sorted({m.lower() for m in MENTION.findall(text)})[:20]
    row = await repository.comment(driver, p.user, acting(p), review, text, mentions)
    if row is None:  # deleted while we were checking
        raise NotFound("No such review", field="reviewId")
    await events.publish(redis, "review.commented", profile=p.profile, review=review, comment=row["uid"])
    for target in row["mentioned"]:
        await events.publish(redis, "comment.mentioned", profile=p.profile, review=review,
                             comment=row["uid"], mentioned=target)
    return row


async def comments(driver: AsyncDriver, viewer: Principal | None, review: str,
                   first: int) -> list[CommentRow]:
    """A review's comments, oldest first, none across a block; `first` is clamped to 1-100."""
    return await repository.comments(driver, review, viewer.user if viewer else None, max(1, min(first, 100)))


def encode_cursor(row: ReviewRow) -> str:
    return cursor.encode(row["helpful_count"], cursor.instant(row["created_at"]), row["uid"])


def decode_cursor(after: str) -> tuple[int, str, str]:
    helpful, at, uid = cursor.decode(after, ("int", "instant", "str"))
    return helpful, at, uid
