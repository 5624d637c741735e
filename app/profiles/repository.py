"""Profiles in Neo4j; every read and write is scoped by the owning user."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Required, TypedDict, cast

from neo4j import AsyncDriver

from app.lists.system import SYSTEM_LISTS
from cypher import read, write


class ProfileRow(TypedDict, total=False):
    uid: Required[str]
    name: str
    is_kid: bool
    is_guest: bool
    is_primary: bool
    max_cert_level: int | None
    bio: str | None
    location: str | None
    timezone: str
    privacy: str
    avatar_url: str | None
    avatar_urls: str | None  # JSON: size -> URL
    social_links: str | None  # JSON: label -> URL
    created_at: datetime


class ViewerRow(TypedDict):
    is_kid: bool | None
    is_guest: bool | None
    max_cert_level: int | None


async def list_profiles(driver: AsyncDriver, user: str) -> list[ProfileRow]:
    return [cast(ProfileRow, r["profile"]) for r in await read(driver, "profiles/list_profiles", user=user)]


async def get_profile(driver: AsyncDriver, user: str, profile: str) -> ProfileRow | None:
    rows = await read(driver, "profiles/get_profile", user=user, profile=profile)
    return cast(ProfileRow, rows[0]["profile"]) if rows else None


async def create_profile(driver: AsyncDriver, user: str, props: dict[str, Any],
                         max_profiles: int) -> ProfileRow | None:
    rows = await write(driver, "profiles/create_profile", user=user, props=props,
                       max_profiles=max_profiles, system_lists=list(SYSTEM_LISTS))
    return cast(ProfileRow, rows[0]["profile"]) if rows else None


async def update_profile(driver: AsyncDriver, user: str, profile: str,
                         props: dict[str, Any]) -> ProfileRow | None:
    rows = await write(driver, "profiles/update_profile", user=user, profile=profile, props=props)
    return cast(ProfileRow, rows[0]["profile"]) if rows else None


async def delete_profile(driver: AsyncDriver, user: str, profile: str) -> bool:
    rows = await write(driver, "profiles/delete_profile", user=user, profile=profile)
    return bool(rows and rows[0]["deleted"])


async def viewer(driver: AsyncDriver, user: str, profile: str) -> ViewerRow | None:
    rows = await read(driver, "profiles/viewer", user=user, profile=profile)
    return cast(ViewerRow, rows[0].data()) if rows else None
