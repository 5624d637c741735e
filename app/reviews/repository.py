"""Reviews, reactions and comments in Neo4j."""

from __future__ import annotations

from typing import Any

from neo4j import AsyncDriver

from cypher import read, write


def _row(r: Any) -> dict[str, Any]:
    return {**r["review"], "author": r["author"], "media": r["media"]}


async def create(driver: AsyncDriver, user: str, profile: str, media: str, content: str,
                 spoilers: bool, visibility: str) -> dict[str, Any] | None:
    rows = await write(driver, "reviews/create_review", user=user, profile=profile, media=media,
                       content=content, spoilers=spoilers, visibility=visibility)
    return _row(rows[0]) if rows else None


async def update(driver: AsyncDriver, user: str, profile: str, review: str,
                 props: dict[str, Any]) -> dict[str, Any] | None:
    rows = await write(driver, "reviews/update_review", user=user, profile=profile, review=review, props=props)
    return _row(rows[0]) if rows else None


async def delete(driver: AsyncDriver, user: str, profile: str, review: str) -> bool:
    rows = await write(driver, "reviews/delete_review", user=user, profile=profile, review=review)
    return bool(rows and rows[0]["deleted"])


async def visible(driver: AsyncDriver, viewer: str | None, profile: str | None, max_level: int | None,
                  ids: list[str] | None = None, media: str | None = None, limit: int = 50,
                  after: tuple[int, str, str] | None = None) -> list[dict[str, Any]]:
    rows = await read(driver, "reviews/visible_reviews", viewer=viewer, profile=profile,
                      max_level=max_level, ids=ids, media=media, limit=limit,
                      after_helpful=after[0] if after else None, after_at=after[1] if after else None,
                      after_uid=after[2] if after else None)
    return [_row(r) for r in rows]


async def react(driver: AsyncDriver, user: str, profile: str, review: str, kind: str, on: bool) -> bool:
    return bool(await write(driver, "reviews/react", user=user, profile=profile, review=review,
                            kind=kind, on=on))


async def comment(driver: AsyncDriver, user: str, profile: str, review: str, content: str,
                  mentions: list[str]) -> dict[str, Any] | None:
    rows = await write(driver, "reviews/comment", user=user, profile=profile, review=review,
                       content=content, mentions=mentions)
    return {**rows[0]["comment"], "author": rows[0]["author"], "mentioned": rows[0]["mentioned"]} if rows else None


async def comments(driver: AsyncDriver, review: str, viewer: str | None, limit: int) -> list[dict[str, Any]]:
    rows = await read(driver, "reviews/comments", review=review, viewer=viewer, limit=limit)
    return [{**r["comment"], "author": r["author"], "mentioned": r["mentioned"]} for r in rows]
