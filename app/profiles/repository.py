"""Profiles in Neo4j; every read and write is scoped by the owning user."""

from __future__ import annotations

from typing import Any

from neo4j import AsyncDriver

from app.lists.system import SYSTEM_LISTS
from cypher import read, write


async def list_profiles(driver: AsyncDriver, user: str) -> list[dict[str, Any]]:
    return [dict(r["profile"]) for r in await read(driver, "profiles/list_profiles", user=user)]


async def get_profile(driver: AsyncDriver, user: str, profile: str) -> dict[str, Any] | None:
    rows = await read(driver, "profiles/get_profile", user=user, profile=profile)
    return dict(rows[0]["profile"]) if rows else None


async def create_profile(driver: AsyncDriver, user: str, props: dict[str, Any],
                         max_profiles: int) -> dict[str, Any] | None:
    rows = await write(driver, "profiles/create_profile", user=user, props=props,
                       max_profiles=max_profiles, system_lists=list(SYSTEM_LISTS))
    return dict(rows[0]["profile"]) if rows else None


async def update_profile(driver: AsyncDriver, user: str, profile: str,
                         props: dict[str, Any]) -> dict[str, Any] | None:
    rows = await write(driver, "profiles/update_profile", user=user, profile=profile, props=props)
    return dict(rows[0]["profile"]) if rows else None


async def delete_profile(driver: AsyncDriver, user: str, profile: str) -> bool:
    rows = await write(driver, "profiles/delete_profile", user=user, profile=profile)
    return bool(rows and rows[0]["deleted"])


async def viewer(driver: AsyncDriver, user: str, profile: str) -> dict[str, Any] | None:
    rows = await read(driver, "profiles/viewer", user=user, profile=profile)
    return rows[0].data() if rows else None
