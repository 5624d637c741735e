"""lists, list(id), createList, addToList, removeFromList, moveListItem, setListItemNote."""

from __future__ import annotations

from typing import Any

import strawberry

from app import events
from app.catalog.service import require_media
from app.errors import InvalidInput, NotFound
from app.kit.principal import acting
from app.kit.tokens import digest

from . import repository, service
from .types import CreateListInput, ListItem, ListItemConnection, ListItemEdge, ListOwner, Visibility

Info = strawberry.Info  # context is app.graphql.context.Context


@strawberry.type
class Collaborator:
    id: strawberry.ID
    name: str | None
    role: str


@strawberry.type
class MediaList:
    id: strawberry.ID
    name: str
    description: str | None
    icon: str | None
    visibility: Visibility
    is_system: bool
    item_count: int
    owner: ListOwner | None
    mine: bool
    role: str | None = strawberry.field(description="viewer or editor when shared with you")

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> MediaList:
        owner = row.get("owner")
        return cls(id=strawberry.ID(row["uid"]), name=row["name"], description=row.get("description"),
                   icon=row.get("icon"), visibility=Visibility(row.get("visibility") or "private"),
                   is_system=bool(row.get("is_system")), item_count=int(row.get("item_count") or 0),
                   owner=ListOwner(id=strawberry.ID(owner["uid"]), name=owner.get("name")) if owner else None,
                   mine=bool(row.get("mine")), role=row.get("role"))

    @strawberry.field(description="Who it is shared with (the owner only sees this)")
    async def collaborators(self, info: Info) -> list[Collaborator]:
        if not self.mine:
            return []
        rows = await repository.collaborators(info.context.driver, str(self.id))
        return [Collaborator(id=strawberry.ID(r["id"]), name=r["name"], role=r["role"]) for r in rows]

    @strawberry.field
    async def items(self, info: Info, first: int = 50, after: str | None = None) -> ListItemConnection:
        ctx = info.context
        if not 1 <= first <= ctx.settings.api.max_page_size:
            raise InvalidInput(f"first must be between 1 and {ctx.settings.api.max_page_size}", field="first")
        rows = await repository.items(ctx.driver, str(self.id), after[:200] if after else None,
                                      first + 1, ctx.max_level)
        edges = [ListItemEdge(cursor=item["position"], node=ListItem.from_rows(item, media))
                 for item, media in rows[:first]]
        for _, media in rows[:first]:
            ctx.catalog.media.prime(media["uid"], media)
        return ListItemConnection(edges=edges, has_next_page=len(rows) > first,
                                  end_cursor=edges[-1].cursor if edges else None)


@strawberry.type
class ListQuery:
    @strawberry.field(description="The acting profile's lists, system lists first")
    async def lists(self, info: Info) -> list[MediaList]:
        ctx = info.context
        p = ctx.caller.require("read")
        rows = await repository.my_lists(ctx.driver, p.user, acting(p), ctx.max_level)
        return [MediaList.from_row(r) for r in rows]

    @strawberry.field(description="A list the caller may see (own, public, or friends-only between mutual follows)")
    async def list(self, info: Info, id: strawberry.ID) -> MediaList | None:
        ctx = info.context
        p = ctx.caller.reader
        row = await repository.visible_list(ctx.driver, str(id)[:64], p.user if p else None,
                                            p.profile if p else None, ctx.max_level)
        return MediaList.from_row(row) if row else None

    @strawberry.field(description="A list opened through its read-only share link")
    async def shared_list(self, info: Info, token: str) -> MediaList | None:
        p = info.context.caller.reader
        row = await repository.shared_list(info.context.driver, digest(token[:200]), p.user if p else None,
                                           info.context.max_level)
        return MediaList.from_row(row) if row else None


@strawberry.type
class ListMutation:
    @strawberry.mutation(description="Let an account (by email) view or edit the list")
    async def share_list(self, info: Info, list_id: strawberry.ID, email: str, role: str = "viewer") -> bool:
        ctx = info.context
        await service.share_with(ctx.driver, ctx.auth.redis, ctx.caller.require("write:lists"), str(list_id),
                                 email, role)
        return True

    @strawberry.mutation
    async def unshare_list(self, info: Info, list_id: strawberry.ID, profile_id: strawberry.ID) -> bool:
        ctx = info.context
        p = ctx.caller.require("write:lists")
        done = await repository.unshare(ctx.driver, p.user, acting(p), str(list_id)[:64],
                                        str(profile_id)[:64])
        if done:
            await events.publish(ctx.auth.redis, "list.unshared", profile=p.profile, list=str(list_id))
        return done

    @strawberry.mutation(description="A read-only link to the list; replaces any earlier link")
    async def create_share_link(self, info: Info, list_id: strawberry.ID) -> str:
        ctx = info.context
        token = await service.share_link(ctx.driver, ctx.auth.redis, ctx.caller.require("write:lists"),
                                         str(list_id), True)
        assert token is not None
        return token

    @strawberry.mutation
    async def revoke_share_link(self, info: Info, list_id: strawberry.ID) -> bool:
        ctx = info.context
        await service.share_link(ctx.driver, ctx.auth.redis, ctx.caller.require("write:lists"), str(list_id), False)
        return True

    @strawberry.mutation
    async def create_list(self, info: Info, input: CreateListInput) -> MediaList:
        ctx = info.context
        p = ctx.caller.require("write:lists")
        row = await service.create(ctx.driver, ctx.auth.redis, p, input.name, input.description,
                                   input.icon, input.visibility.value)
        return MediaList.from_row(row)

    @strawberry.mutation(description="Rename or describe a list; system lists only change visibility")
    async def update_list(self, info: Info, id: strawberry.ID, name: str | None = None,
                          description: str | None = None, icon: str | None = None,
                          visibility: Visibility | None = None) -> MediaList:
        ctx = info.context
        p = ctx.caller.require("write:lists")
        props = service.check_fields(name, description, icon, visibility.value if visibility else None)
        row = await repository.update_list(ctx.driver, p.user, acting(p), str(id)[:64], props)
        if row is None:
            raise InvalidInput("No such list of yours, or a system list (only its visibility changes)",
                               field="id")
        await events.publish(ctx.auth.redis, "list.updated", profile=p.profile, list=str(id))
        return MediaList.from_row({**row, "mine": True})

    @strawberry.mutation
    async def delete_list(self, info: Info, id: strawberry.ID) -> bool:
        ctx = info.context
        p = ctx.caller.require("write:lists")
        if not await repository.delete_list(ctx.driver, p.user, acting(p), str(id)[:64]):
            raise InvalidInput("No such list of yours, or a system list (they stay)", field="id")
        await events.publish(ctx.auth.redis, "list.deleted", profile=p.profile, list=str(id))
        return True

    @strawberry.mutation
    async def add_to_list(self, info: Info, list_id: strawberry.ID, media_id: strawberry.ID,
                          note: str | None = None) -> ListItem:
        ctx = info.context
        p = ctx.caller.require("write:lists")
        media = await require_media(ctx.driver, str(media_id), ctx.max_level)
        item = await service.add(ctx.driver, ctx.auth.redis, p, str(list_id), str(media_id), note)
        return ListItem.from_rows(item, media)

    @strawberry.mutation
    async def remove_from_list(self, info: Info, list_id: strawberry.ID, media_id: strawberry.ID) -> bool:
        ctx = info.context
        p = ctx.caller.require("write:lists")
        return await service.remove(ctx.driver, ctx.auth.redis, p, str(list_id), str(media_id))

    @strawberry.mutation(description="Move a title right after another (afterMediaId null: to the top)")
    async def move_list_item(self, info: Info, list_id: strawberry.ID, media_id: strawberry.ID,
                             after_media_id: strawberry.ID | None = None) -> str:
        ctx = info.context
        p = ctx.caller.require("write:lists")
        moved = await service.move(ctx.driver, ctx.auth.redis, p, str(list_id), str(media_id),
                                   str(after_media_id) if after_media_id else None)
        return str(moved["position"])

    @strawberry.mutation
    async def set_list_item_note(self, info: Info, list_id: strawberry.ID, media_id: strawberry.ID,
                                 note: str | None) -> bool:
        ctx = info.context
        p = ctx.caller.require("write:lists")
        row = await repository.set_note(ctx.driver, p.user, acting(p), str(list_id)[:64],
                                        str(media_id)[:64], service.check_note(note))
        if row is None:
            raise NotFound("That title is not in your list", field="mediaId")
        await events.publish(ctx.auth.redis, "list.note_set", profile=p.profile, list=str(list_id),
                             media=str(media_id))
        return True
