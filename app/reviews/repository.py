"""Reviews, reactions and comments in Neo4j."""

from __future__ import annotations

from typing import Any

from neo4j import AsyncDriver

from app.lists.rows import Owner
from cypher import read, write

from .rows import CommentRow, ReviewRow


def _owner(a: Any) -> Owner:
    return Owner(uid=a["uid"], name=a.get("name"))


def _row(r: Any) -> ReviewRow:
    """Counts a write's answer does not carry read as zero."""
    v = r["review"]
    return ReviewRow(uid=v["uid"], media=r["media"], content=v["content"],
                     contains_spoilers=bool(v.get("contains_spoilers")),
                     visibility=v.get("visibility") or "public", author=_owner(r["author"]),
                     helpful_count=int(v.get("helpful_count") or 0), likes=int(v.get("likes") or 0),
                     funny=int(v.get("funny") or 0), comment_count=int(v.get("comment_count") or 0),
                     created_at=v.get("created_at"), updated_at=v.get("updated_at"))


def _comment(r: Any) -> CommentRow:
    c = r["comment"]
    return CommentRow(uid=c["uid"], content=c["content"], author=_owner(r["author"]),
                      created_at=c.get("created_at"), mentioned=list(r["mentioned"] or []))


async def create(driver: AsyncDriver, user: str, profile: str, media: str, content: str,
                 spoilers: bool, visibility: str) -> ReviewRow | None:
    rows = await write(driver, "reviews/create_review", user=user, profile=profile, media=media,
                       content=content, spoilers=spoilers, visibility=visibility)
    return _row(rows[0]) if rows else None


async def update(driver: AsyncDriver, user: str, profile: str, review: str,
                 props: dict[str, Any]) -> ReviewRow | None:
    rows = await write(driver, "reviews/update_review", user=user, profile=profile, review=review, props=props)
    return _row(rows[0]) if rows else None


async def delete(driver: AsyncDriver, user: str, profile: str, review: str) -> bool:
    rows = await write(driver, "reviews/delete_review", user=user, profile=profile, review=review)
    return bool(rows and rows[0]["deleted"])


async def visible(driver: AsyncDriver, viewer: str | None, profile: str | None, max_level: int | None,
                  ids: list[str] | None = None, media: str | None = None, limit: int = 50,
                  after: tuple[int, str, str] | None = None) -> list[ReviewRow]:
    rows = await read(driver, "reviews/visible_reviews", viewer=viewer, profile=profile,
                      max_level=max_level, ids=ids, media=media, limit=limit,
                      after_helpful=after[0] if after else None, after_at=after[1] if after else None,
                      after_uid=after[2] if after else None)
    return [_row(r) for r in rows]


async def react(driver: AsyncDriver, user: str, profile: str, review: str, kind: str, on: bool) -> bool:
    return bool(await write(driver, "reviews/react", user=user, profile=profile, review=review,
                            kind=kind, on=on))


async def comment(driver: AsyncDriver, user: str, profile: str, review: str, content: str,
                  mentions: list[str]) -> CommentRow | None:
    rows = await write(driver, "reviews/comment", user=user, profile=profile, review=review,
                       content=content, mentions=mentions)
    return _comment(rows[0]) if rows else None


async def comments(driver: AsyncDriver, review: str, viewer: str | None, limit: int) -> list[CommentRow]:
    rows = await read(driver, "reviews/comments", review=review, viewer=viewer, limit=limit)
    return [_comment(r) for r in rows]
