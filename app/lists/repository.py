"""Lists in Neo4j. Edits that pick a position run in one transaction holding the list's lock."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from neo4j import AsyncDriver, AsyncManagedTransaction

import cypher
from app.catalog.rows import MediaRow
from cypher import read, write

from .ordering import key_between
from .rows import CollaboratorRow, ItemRow, ListRow, NotInList, Owner

T = TypeVar("T")


def _list(props: Any, owner: Any = None, mine: bool = True, role: str | None = None) -> ListRow:
    return ListRow(uid=props["uid"], name=props["name"], description=props.get("description"),
                   icon=props.get("icon"), visibility=props.get("visibility") or "private",
                   is_system=bool(props.get("is_system")), item_count=int(props.get("item_count") or 0),
                   owner=Owner(uid=owner["uid"], name=owner.get("name")) if owner else None,
                   mine=mine, role=role)


def _with_owner(row: Any) -> ListRow:
    return _list(row["list"], row["owner"], bool(row["mine"]), row["role"])


def _item(props: Any) -> ItemRow:
    return ItemRow(position=props["position"], note=props.get("note"), added_at=props.get("added_at"))


async def create_list(driver: AsyncDriver, user: str, profile: str, **props: Any) -> ListRow | None:
    rows = await write(driver, "lists/create_list", user=user, profile=profile, **props)
    return _list(rows[0]["list"]) if rows else None


async def my_lists(driver: AsyncDriver, user: str, profile: str, max_level: int | None) -> list[ListRow]:
    return [_list(r["list"], r["owner"])
            for r in await read(driver, "lists/my_lists", user=user, profile=profile, max_level=max_level)]


async def visible_list(driver: AsyncDriver, list_id: str, viewer: str | None,
                       profile: str | None, max_level: int | None) -> ListRow | None:
    rows = await read(driver, "lists/visible_list", list=list_id, viewer=viewer, profile=profile,
                      max_level=max_level)
    return _with_owner(rows[0]) if rows else None


async def shared_list(driver: AsyncDriver, share_hash: str, viewer: str | None,
                      max_level: int | None) -> ListRow | None:
    rows = await read(driver, "lists/shared_list", share_hash=share_hash, viewer=viewer, max_level=max_level)
    return _with_owner(rows[0]) if rows else None


async def share_with(driver: AsyncDriver, user: str, profile: str, list_id: str, email: str,
                     role: str) -> bool:
    return bool(await write(driver, "lists/share_with", user=user, profile=profile, list=list_id,
                            email=email, role=role))


async def unshare(driver: AsyncDriver, user: str, profile: str, list_id: str, guest: str) -> bool:
    rows = await write(driver, "lists/unshare", user=user, profile=profile, list=list_id, guest=guest)
    return bool(rows and rows[0]["removed"])


async def collaborators(driver: AsyncDriver, list_ids: list[str]) -> dict[str, list[CollaboratorRow]]:
    rows = await read(driver, "lists/collaborators", lists=list_ids)
    return {r["list"]: [CollaboratorRow(id=c["id"], name=c["name"], role=c["role"])
                        for c in r["collaborators"]] for r in rows}


async def set_share_link(driver: AsyncDriver, user: str, profile: str, list_id: str,
                         share_hash: str | None) -> bool:
    return bool(await write(driver, "lists/set_share_link", user=user, profile=profile,
                            list=list_id, share_hash=share_hash))


async def items(driver: AsyncDriver, list_id: str, after: str | None, limit: int,
                max_level: int | None) -> list[tuple[ItemRow, MediaRow]]:
    rows = await read(driver, "lists/list_items", list=list_id, after=after, limit=limit,
                      max_level=max_level)
    return [(_item(r["item"]), dict(r["media"])) for r in rows]


async def _one(tx: AsyncManagedTransaction, name: str, **params: Any) -> Any:
    result = await tx.run(cypher.load(name), params)
    return await result.single()


async def _locked_edit(driver: AsyncDriver, user: str, profile: str, list_id: str,
                       edit: Callable[[AsyncManagedTransaction], Awaitable[T]]) -> T | None:
    """The edit's answer, or None when the list is not the caller's to edit."""
    async def work(tx: AsyncManagedTransaction) -> T | None:
        if await _one(tx, "lists/lock_for_edit", user=user, profile=profile, list=list_id) is None:
            return None
        return await edit(tx)
    async with driver.session() as session:
        return await session.execute_write(work)


async def add_item(driver: AsyncDriver, user: str, profile: str, list_id: str, media: str,
                   note: str | None) -> tuple[ItemRow, bool] | None:
    """Appends the title (or leaves it where it is): (item, created). None when the list is
    not editable or the title does not exist."""
    async def edit(tx: AsyncManagedTransaction) -> tuple[ItemRow, bool] | None:
        edges = await _one(tx, "lists/edge_positions", list=list_id, media=[])
        row = await _one(tx, "lists/add_item", list=list_id, media=media, note=note,
                         position=key_between(edges["last"], None))
        return (_item(row["item"]), bool(row["created"])) if row else None
    return await _locked_edit(driver, user, profile, list_id, edit)


async def move_item(driver: AsyncDriver, user: str, profile: str, list_id: str, media: str,
                    after_media: str | None) -> tuple[str, bool] | None:
    """Moves the title right after `after_media` (None: to the top), writing one key:
    (its position, whether it moved). None when the list is not editable; NotInList
    when either title is not in it."""
    async def edit(tx: AsyncManagedTransaction) -> tuple[str, bool]:
        edges = await _one(tx, "lists/edge_positions", list=list_id,
                           media=[m for m in (media, after_media) if m])
        found = dict(pair for pair in edges["found"] if pair)
        for wanted in (media, after_media):
            if wanted is not None and wanted not in found:
                raise NotInList(wanted)
        before = found[after_media] if after_media is not None else None
        following = (await _one(tx, "lists/next_position", list=list_id, position=before or ""))["next"]
        if following == found[media]:  # already in that place
            return found[media], False
        row = await _one(tx, "lists/move_item", list=list_id, media=media,
                         position=key_between(before, following))
        return row["item"]["position"], True
    return await _locked_edit(driver, user, profile, list_id, edit)


async def remove_item(driver: AsyncDriver, user: str, profile: str, list_id: str, media: str) -> bool:
    async def edit(tx: AsyncManagedTransaction) -> bool:
        row = await _one(tx, "lists/remove_item", list=list_id, media=media)
        return bool(row and row["removed"])
    return bool(await _locked_edit(driver, user, profile, list_id, edit))


async def set_note(driver: AsyncDriver, user: str, profile: str, list_id: str, media: str,
                   note: str | None) -> ItemRow | None:
    async def edit(tx: AsyncManagedTransaction) -> ItemRow | None:
        row = await _one(tx, "lists/set_note", list=list_id, media=media, note=note)
        return _item(row["item"]) if row else None
    return await _locked_edit(driver, user, profile, list_id, edit)


async def update_list(driver: AsyncDriver, user: str, profile: str, list_id: str,
                      props: dict[str, Any]) -> ListRow | None:
    rows = await write(driver, "lists/update_list", user=user, profile=profile, list=list_id, props=props)
    return _list(rows[0]["list"]) if rows else None


async def delete_list(driver: AsyncDriver, user: str, profile: str, list_id: str) -> bool:
    rows = await write(driver, "lists/delete_list", user=user, profile=profile, list=list_id)
    return bool(rows and rows[0]["deleted"])
