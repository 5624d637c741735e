"""Lists in Neo4j. Edits that pick a position run in one transaction holding the list's lock."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from neo4j import AsyncDriver, AsyncManagedTransaction

import cypher
from cypher import read, write

from .ordering import key_between


async def create_list(driver: AsyncDriver, user: str, profile: str, **props: Any) -> dict[str, Any] | None:
    rows = await write(driver, "lists/create_list", user=user, profile=profile, **props)
    return dict(rows[0]["list"]) if rows else None


async def my_lists(driver: AsyncDriver, user: str, profile: str,
                   max_level: int | None) -> list[dict[str, Any]]:
    return [{**r["list"], "owner": r["owner"], "mine": True, "role": None}
            for r in await read(driver, "lists/my_lists", user=user, profile=profile, max_level=max_level)]


async def visible_list(driver: AsyncDriver, list_id: str, viewer: str | None,
                       profile: str | None, max_level: int | None) -> dict[str, Any] | None:
    rows = await read(driver, "lists/visible_list", list=list_id, viewer=viewer, profile=profile,
                      max_level=max_level)
    return _with_owner(rows[0]) if rows else None


def _with_owner(row: Any) -> dict[str, Any]:
    return {**row["list"], "owner": row["owner"], "mine": row["mine"], "role": row["role"]}


async def shared_list(driver: AsyncDriver, share_hash: str, viewer: str | None,
                      max_level: int | None) -> dict[str, Any] | None:
    rows = await read(driver, "lists/shared_list", share_hash=share_hash, viewer=viewer, max_level=max_level)
    return _with_owner(rows[0]) if rows else None


async def share_with(driver: AsyncDriver, user: str, profile: str, list_id: str, email: str,
                     role: str) -> bool:
    return bool(await write(driver, "lists/share_with", user=user, profile=profile, list=list_id,
                            email=email, role=role))


async def unshare(driver: AsyncDriver, user: str, profile: str, list_id: str, guest: str) -> bool:
    rows = await write(driver, "lists/unshare", user=user, profile=profile, list=list_id, guest=guest)
    return bool(rows and rows[0]["removed"])


async def collaborators(driver: AsyncDriver, list_id: str) -> list[dict[str, Any]]:
    return [r.data() for r in await read(driver, "lists/collaborators", list=list_id)]


async def set_share_link(driver: AsyncDriver, user: str, profile: str, list_id: str,
                         share_hash: str | None) -> bool:
    return bool(await write(driver, "lists/set_share_link", user=user, profile=profile,
                            list=list_id, share_hash=share_hash))


async def items(driver: AsyncDriver, list_id: str, after: str | None, limit: int,
                max_level: int | None) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    rows = await read(driver, "lists/list_items", list=list_id, after=after, limit=limit,
                      max_level=max_level)
    return [(dict(r["item"]), dict(r["media"])) for r in rows]


async def _one(tx: AsyncManagedTransaction, name: str, **params: Any) -> Any:
    result = await tx.run(cypher.load(name), params)
    return await result.single()


async def _locked_edit(driver: AsyncDriver, user: str, profile: str, list_id: str,
                       edit: Callable[[AsyncManagedTransaction], Any]) -> Any:
    async def work(tx: AsyncManagedTransaction) -> Any:
        if await _one(tx, "lists/lock_for_edit", user=user, profile=profile, list=list_id) is None:
            return None
        return await edit(tx)
    async with driver.session() as session:
        return await session.execute_write(work)


async def add_item(driver: AsyncDriver, user: str, profile: str, list_id: str, media: str,
                   note: str | None) -> tuple[dict[str, Any], bool] | None:
    """Appends the title (or leaves it where it is); None when the list is not editable."""
    async def edit(tx: AsyncManagedTransaction) -> tuple[dict[str, Any], bool] | None:
        edges = await _one(tx, "lists/edge_positions", list=list_id, media=[])
        row = await _one(tx, "lists/add_item", list=list_id, media=media, note=note,
                         position=key_between(edges["last"], None))
        return (dict(row["item"]), bool(row["created"])) if row else None
    return await _locked_edit(driver, user, profile, list_id, edit)  # type: ignore[no-any-return]


async def move_item(driver: AsyncDriver, user: str, profile: str, list_id: str, media: str,
                    after_media: str | None) -> dict[str, Any] | None | str:
    """Moves the title right after `after_media` (None: to the top). Writes one key."""
    async def edit(tx: AsyncManagedTransaction) -> dict[str, Any] | str | None:
        edges = await _one(tx, "lists/edge_positions", list=list_id,
                           media=[m for m in (media, after_media) if m])
        found = dict(pair for pair in edges["found"] if pair)
        if media not in found:
            return "missing"
        if after_media is not None and after_media not in found:
            return "missing_after"
        if after_media is None:
            before = None
            following = (await _one(tx, "lists/next_position", list=list_id, position=""))["next"]
        else:
            before = found[after_media]
            following = (await _one(tx, "lists/next_position", list=list_id, position=before))["next"]
        if following == found[media]:  # already in that place
            return {"position": found[media]}
        position = key_between(before, following)
        row = await _one(tx, "lists/move_item", list=list_id, media=media, position=position)
        return {**dict(row["item"]), "moved": True}
    return await _locked_edit(driver, user, profile, list_id, edit)  # type: ignore[no-any-return]


async def remove_item(driver: AsyncDriver, user: str, profile: str, list_id: str, media: str) -> bool:
    async def edit(tx: AsyncManagedTransaction) -> bool:
        row = await _one(tx, "lists/remove_item", list=list_id, media=media)
        return bool(row and row["removed"])
    return bool(await _locked_edit(driver, user, profile, list_id, edit))


async def set_note(driver: AsyncDriver, user: str, profile: str, list_id: str, media: str,
                   note: str | None) -> dict[str, Any] | None:
    async def edit(tx: AsyncManagedTransaction) -> dict[str, Any] | None:
        row = await _one(tx, "lists/set_note", list=list_id, media=media, note=note)
        return dict(row["item"]) if row else None
    return await _locked_edit(driver, user, profile, list_id, edit)  # type: ignore[no-any-return]


async def update_list(driver: AsyncDriver, user: str, profile: str, list_id: str,
                      props: dict[str, Any]) -> dict[str, Any] | None:
    rows = await write(driver, "lists/update_list", user=user, profile=profile, list=list_id, props=props)
    return dict(rows[0]["list"]) if rows else None


async def delete_list(driver: AsyncDriver, user: str, profile: str, list_id: str) -> bool:
    rows = await write(driver, "lists/delete_list", user=user, profile=profile, list=list_id)
    return bool(rows and rows[0]["deleted"])
