"""List rules: names and limits (the spec's validation table), who may see and edit."""

from __future__ import annotations

from typing import Any

from neo4j import AsyncDriver
from redis.asyncio import Redis

from app import events
from app.errors import InvalidInput, NotFound
from app.kit.checks import VISIBILITY, normalize_email
from app.kit.principal import Principal, acting
from app.kit.tokens import digest, random_token

from . import repository

MAX_NOTE = 1000


def check_fields(name: str | None, description: str | None, icon: str | None,
                 visibility: str | None) -> dict[str, Any]:
    props: dict[str, Any] = {}
    if name is not None:
        name = " ".join(name.split())
        if not 2 <= len(name) <= 100:
            raise InvalidInput("List name must be 2-100 characters", field="name")
        props["name"] = name
    if description is not None:
        if len(description) > 500:
            raise InvalidInput("Description too long (max 500)", field="description")
        props["description"] = description.strip() or None
    if icon is not None:
        if len(icon) > 50:
            raise InvalidInput("Icon must be at most 50 characters", field="icon")
        props["icon"] = icon or None
    if visibility is not None:
        if visibility not in VISIBILITY:
            raise InvalidInput("Visibility must be public, friends or private", field="visibility")
        props["visibility"] = visibility
    return props


def check_note(note: str | None) -> str | None:
    if note is not None and len(note) > MAX_NOTE:
        raise InvalidInput(f"Note must be at most {MAX_NOTE} characters", field="note")
    return note.strip() or None if note is not None else None


async def create(driver: AsyncDriver, redis: Redis, p: Principal, name: str, description: str | None,
                 icon: str | None, visibility: str) -> dict[str, Any]:
    props = check_fields(name, description, icon, visibility)
    props.setdefault("description", None)
    props.setdefault("icon", None)
    row = await repository.create_list(driver, p.user, acting(p), **props)
    if row is None:
        raise NotFound("No such profile", field="profile")
    await events.publish(redis, "list.created", profile=p.profile, list=row["uid"])
    return {**row, "mine": True}


async def add(driver: AsyncDriver, redis: Redis, p: Principal, list_id: str, media: str,
              note: str | None) -> dict[str, Any]:
    note = check_note(note)
    result = await repository.add_item(driver, p.user, acting(p), list_id[:64], media[:64], note)
    if result is None:
        # not owned, or the title does not exist: one answer, so nothing leaks about lists
        raise NotFound("No such list or title", field="listId")
    item, created = result
    if created:
        await events.publish(redis, "list.item_added", profile=p.profile, list=list_id, media=media)
    return item


async def move(driver: AsyncDriver, redis: Redis, p: Principal, list_id: str, media: str,
               after_media: str | None) -> dict[str, Any]:
    if after_media == media:
        raise InvalidInput("A title cannot move after itself", field="afterMediaId")
    result = await repository.move_item(driver, p.user, acting(p), list_id[:64], media[:64],
                                        after_media[:64] if after_media else None)
    if result is None:
        raise NotFound("No such list", field="listId")
    if result == "missing":
        raise NotFound("That title is not in the list", field="mediaId")
    if result == "missing_after":
        raise NotFound("That title is not in the list", field="afterMediaId")
    assert isinstance(result, dict)
    if result.get("moved"):
        await events.publish(redis, "list.item_moved", profile=p.profile, list=list_id, media=media)
    return result


async def remove(driver: AsyncDriver, redis: Redis, p: Principal, list_id: str, media: str) -> bool:
    removed = await repository.remove_item(driver, p.user, acting(p), list_id[:64], media[:64])
    if removed:
        await events.publish(redis, "list.item_removed", profile=p.profile, list=list_id, media=media)
    return removed


ROLES = ("viewer", "editor")


async def share_with(driver: AsyncDriver, redis: Redis, p: Principal, list_id: str, email: str,
                     role: str) -> None:
    """Invite an account (by email) to view or edit. The answer is the same whether or not
    the address has an account, so sharing cannot probe for registrations."""
    if role not in ROLES:
        raise InvalidInput("Role must be viewer or editor", field="role")
    if not await repository.share_with(driver, p.user, acting(p), list_id[:64], normalize_email(email), role):
        raise NotFound("No such list of yours", field="listId")
    await events.publish(redis, "list.shared", profile=p.profile, list=list_id, role=role)


async def share_link(driver: AsyncDriver, redis: Redis, p: Principal, list_id: str, on: bool) -> str | None:
    """A new read-only link (replacing any earlier one), or None after revoking."""
    token = random_token("rl_") if on else None
    if not await repository.set_share_link(driver, p.user, acting(p), list_id[:64],
                                           digest(token) if token else None):
        raise NotFound("No such list of yours", field="listId")
    await events.publish(redis, "list.link_created" if on else "list.link_revoked", profile=p.profile,
                         list=list_id)
    return token
