"""Owned copies and the library view in Neo4j."""

from __future__ import annotations

from typing import Any

from neo4j import AsyncDriver

from cypher import read, write

from .rows import LibraryRow


async def own(driver: AsyncDriver, user: str, profile: str, media: str, format: str,
              provider: str | None) -> list[str] | None:
    rows = await write(driver, "library/own", user=user, profile=profile, media=media, format=format,
                       provider=provider)
    return list(rows[0]["formats"]) if rows else None


async def disown(driver: AsyncDriver, user: str, profile: str, media: str, format: str) -> bool:
    rows = await write(driver, "library/disown", user=user, profile=profile, media=media, format=format)
    return bool(rows and rows[0]["removed"])


async def library(driver: AsyncDriver, user: str, profile: str, limit: int,
                  after: tuple[str, str] | None, **filters: Any) -> list[LibraryRow]:
    rows = await read(driver, "library/library", user=user, profile=profile, limit=limit,
                      after_title=after[0] if after else None, after_uid=after[1] if after else None,
                      **filters)
    return [LibraryRow(media=dict(r["media"]), rating=r["rating"], watch_count=r["watch_count"],
                       formats=list(r["formats"])) for r in rows]
