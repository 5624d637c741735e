"""List rules: names and limits (the spec's validation table), who may see and edit."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from neo4j import AsyncDriver
from redis.asyncio import Redis

from app import events
from app.catalog.rows import MediaRow
from app.catalog.service import require_media
from app.errors import InvalidInput, NotFound
from app.kit.checks import check_id, check_visibility, normalize_email
from app.kit.principal import Principal, acting
from app.kit.tokens import digest, random_token

from . import repository
from .rows import ItemRow, ListRow, NotInList

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
        props["visibility"] = check_visibility(visibility)
    return props


def check_note(note: str | None) -> str | None:
    if note is not None and len(note) > MAX_NOTE:
        raise InvalidInput(f"Note must be at most {MAX_NOTE} characters", field="note")
    return note.strip() or None if note is not None else None


async def create(driver: AsyncDriver, redis: Redis, p: Principal, name: str, description: str | None,
                 icon: str | None, visibility: str) -> ListRow:
    props = check_fields(name, description, icon, visibility)
    props.setdefault("description", None)
    props.setdefault("icon", None)
    row = await repository.create_list(driver, p.user, acting(p), **props)
    if row is None:
        raise NotFound("No such profile", field="profile")
    await events.publish(redis, "list.created", profile=p.profile, list=row["uid"])
    return row


async def update(driver: AsyncDriver, redis: Redis, p: Principal, list_id: str, name: str | None,
                 description: str | None, icon: str | None, visibility: str | None) -> ListRow:
    props = check_fields(name, description, icon, visibility)
    row = await repository.update_list(driver, p.user, acting(p), check_id(list_id, "id"), props)
    if row is None:
        raise InvalidInput("No such list of yours, or a system list (only its visibility changes)",
                           field="id")
    await events.publish(redis, "list.updated", profile=p.profile, list=list_id)
    return row


async def delete(driver: AsyncDriver, redis: Redis, p: Principal, list_id: str) -> bool:
    if not await repository.delete_list(driver, p.user, acting(p), check_id(list_id, "id")):
        raise InvalidInput("No such list of yours, or a system list (they stay)", field="id")
    await events.publish(redis, "list.deleted", profile=p.profile, list=list_id)
    return True


async def mine(driver: AsyncDriver, p: Principal, max_level: int | None) -> list[ListRow]:
    """The acting profile's lists, system lists first."""
    return await repository.my_lists(driver, p.user, acting(p), max_level)


async def visible(driver: AsyncDriver, viewer: Principal | None, list_id: str,
                  max_level: int | None) -> ListRow | None:
    """A list the viewer may see (own, public, shared, or friends-only between mutual follows)."""
    return await repository.visible_list(driver, check_id(list_id, "id"), viewer.user if viewer else None,
                                         viewer.profile if viewer else None, max_level)


async def shared(driver: AsyncDriver, viewer: Principal | None, token: str,
                 max_level: int | None) -> ListRow | None:
    """A list opened through its read-only share link."""
    return await repository.shared_list(driver, digest(token[:200]), viewer.user if viewer else None,
                                        max_level)


@dataclass(frozen=True)
class ItemPage:
    items: list[tuple[ItemRow, MediaRow]]
    has_next: bool


async def items(driver: AsyncDriver, list_id: str, first: int, after: str | None,
                max_level: int | None, max_page: int) -> ItemPage:
    """A page of a list the caller has already been shown, in position order."""
    if not 1 <= first <= max_page:
        raise InvalidInput(f"first must be between 1 and {max_page}", field="first")
    rows = await repository.items(driver, list_id, after[:200] if after else None, first + 1, max_level)
    return ItemPage(items=rows[:first], has_next=len(rows) > first)


async def add(driver: AsyncDriver, redis: Redis, p: Principal, list_id: str, media: str,
              note: str | None, max_level: int | None) -> tuple[ItemRow, MediaRow]:
    """Appends a title the profile may see (or leaves it where it is): the item and the title."""
    title = await require_media(driver, media, max_level)
    note = check_note(note)
    result = await repository.add_item(driver, p.user, acting(p), check_id(list_id, "listId"),
                                       check_id(media, "mediaId"), note)
    if result is None:
        # not owned, or the title does not exist: one answer, so nothing leaks about lists
        raise NotFound("No such list or title", field="listId")
    item, created = result
    if created:
        await events.publish(redis, "list.item_added", profile=p.profile, list=list_id, media=media)
    return item, title


async def move(driver: AsyncDriver, redis: Redis, p: Principal, list_id: str, media: str,
               after_media: str | None) -> str:
    """Moves a title right after another (None: to the top); its new position."""
    if after_media == media:
        raise InvalidInput("A title cannot move after itself", field="afterMediaId")
    try:
        result = await repository.move_item(
            driver, p.user, acting(p), check_id(list_id, "listId"), check_id(media, "mediaId"),
            check_id(after_media, "afterMediaId") if after_media is not None else None)
    except NotInList as missing:
        raise NotFound("That title is not in the list",
                       field="mediaId" if missing.media == media else "afterMediaId") from None
    if result is None:
        raise NotFound("No such list", field="listId")
    position, moved = result
    if moved:
        await events.publish(redis, "list.item_moved", profile=p.profile, list=list_id, media=media)
    return position


async def remove(driver: AsyncDriver, redis: Redis, p: Principal, list_id: str, media: str) -> bool:
    removed = await repository.remove_item(driver, p.user, acting(p), check_id(list_id, "listId"),
                                           check_id(media, "mediaId"))
    if removed:
        await events.publish(redis, "list.item_removed", profile=p.profile, list=list_id, media=media)
    return removed


async def set_note(driver: AsyncDriver, redis: Redis, p: Principal, list_id: str, media: str,
                   note: str | None) -> ItemRow:
    row = await repository.set_note(driver, p.user, acting(p), check_id(list_id, "listId"),
                                    check_id(media, "mediaId"), check_note(note))
    if row is None:
        raise NotFound("That title is not in your list", field="mediaId")
    await events.publish(redis, "list.note_set", profile=p.profile, list=list_id, media=media)
    return row


async def follow(driver: AsyncDriver, redis: Redis, p: Principal, list_id: str, media: str,
                 present: bool) -> None:
    """Puts the title in the list or takes it out, as another domain's rule says (TV keeps
    Watching and Completed in step with a show's progress); a list no longer editable is
    left alone."""
    profile = acting(p)
    if present:
        added = await repository.add_item(driver, p.user, profile, list_id, media, None)
        if added and added[1]:
            await events.publish(redis, "list.item_added", profile=profile, list=list_id, media=media)
    elif await repository.remove_item(driver, p.user, profile, list_id, media):
        await events.publish(redis, "list.item_removed", profile=profile, list=list_id, media=media)


ROLES = ("viewer", "editor")


async def share_with(driver: AsyncDriver, redis: Redis, p: Principal, list_id: str, email: str,
                     role: str) -> None:
    """Invite an account (by email) to view or edit. The answer is the same whether or not
    the address has an account, so sharing cannot probe for registrations."""
    if role not in ROLES:
        raise InvalidInput("Role must be viewer or editor", field="role")
    if not await repository.share_with(driver, p.user, acting(p), check_id(list_id, "listId"),
                                       normalize_email(email), role):
        raise NotFound("No such list of yours", field="listId")
    await events.publish(redis, "list.shared", profile=p.profile, list=list_id, role=role)


async def unshare(driver: AsyncDriver, redis: Redis, p: Principal, list_id: str, guest: str) -> bool:
    done = await repository.unshare(driver, p.user, acting(p), check_id(list_id, "listId"),
                                    check_id(guest, "profileId"))
    if done:
        await events.publish(redis, "list.unshared", profile=p.profile, list=list_id)
    return done


async def share_link(driver: AsyncDriver, redis: Redis, p: Principal, list_id: str, on: bool) -> str | None:
    """A new read-only link (replacing any earlier one), or None after revoking."""
    token = random_token("rl_") if on else None
    if not await repository.set_share_link(driver, p.user, acting(p), check_id(list_id, "listId"),
                                           digest(token) if token else None):
        raise NotFound("No such list of yours", field="listId")
    await events.publish(redis, "list.link_created" if on else "list.link_revoked", profile=p.profile,
                         list=list_id)
    return token
