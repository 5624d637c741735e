"""lists, list(id), createList, addToList, removeFromList, moveListItem, setListItemNote."""

from __future__ import annotations

import strawberry

from app.kit.info import Info

from . import service
from .types import CreateListInput, ListItem, MediaList, Visibility


@strawberry.type
class ListQuery:
    @strawberry.field(description="The acting profile's lists, system lists first")
    async def lists(self, info: Info) -> list[MediaList]:
        ctx = info.context
        rows = await service.mine(ctx.driver, ctx.caller.require("read"), ctx.max_level)
        return [MediaList.from_row(r) for r in rows]

    @strawberry.field(description="A list the caller may see (own, public, or friends-only between mutual follows)")
    async def list(self, info: Info, id: strawberry.ID) -> MediaList | None:
        ctx = info.context
        row = await service.visible(ctx.driver, ctx.caller.reader, str(id), ctx.max_level)
        return MediaList.from_row(row) if row else None

    @strawberry.field(description="A list opened through its read-only share link")
    async def shared_list(self, info: Info, token: str) -> MediaList | None:
        ctx = info.context
        row = await service.shared(ctx.driver, ctx.caller.reader, token, ctx.max_level)
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
        return await service.unshare(ctx.driver, ctx.auth.redis, ctx.caller.require("write:lists"),
                                     str(list_id), str(profile_id))

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
        row = await service.create(ctx.driver, ctx.auth.redis, ctx.caller.require("write:lists"), input.name,
                                   input.description, input.icon, input.visibility.value)
        return MediaList.from_row(row)

    @strawberry.mutation(description="Rename or describe a list; system lists only change visibility")
    async def update_list(self, info: Info, id: strawberry.ID, name: str | None = None,
                          description: str | None = None, icon: str | None = None,
                          visibility: Visibility | None = None) -> MediaList:
        ctx = info.context
        row = await service.update(ctx.driver, ctx.auth.redis, ctx.caller.require("write:lists"), str(id),
                                   name, description, icon, visibility.value if visibility else None)
        return MediaList.from_row(row)

    @strawberry.mutation
    async def delete_list(self, info: Info, id: strawberry.ID) -> bool:
        ctx = info.context
        return await service.delete(ctx.driver, ctx.auth.redis, ctx.caller.require("write:lists"), str(id))

    @strawberry.mutation
    async def add_to_list(self, info: Info, list_id: strawberry.ID, media_id: strawberry.ID,
                          note: str | None = None) -> ListItem:
        ctx = info.context
        item, media = await service.add(ctx.driver, ctx.auth.redis, ctx.caller.require("write:lists"),
                                        str(list_id), str(media_id), note, ctx.max_level)
        return ListItem.from_rows(item, media)

    @strawberry.mutation
    async def remove_from_list(self, info: Info, list_id: strawberry.ID, media_id: strawberry.ID) -> bool:
        ctx = info.context
        return await service.remove(ctx.driver, ctx.auth.redis, ctx.caller.require("write:lists"),
                                    str(list_id), str(media_id))

    @strawberry.mutation(description="Move a title right after another (afterMediaId null: to the top)")
    async def move_list_item(self, info: Info, list_id: strawberry.ID, media_id: strawberry.ID,
                             after_media_id: strawberry.ID | None = None) -> str:
        ctx = info.context
        return await service.move(ctx.driver, ctx.auth.redis, ctx.caller.require("write:lists"), str(list_id),
                                  str(media_id), str(after_media_id) if after_media_id else None)

    @strawberry.mutation
    async def set_list_item_note(self, info: Info, list_id: strawberry.ID, media_id: strawberry.ID,
                                 note: str | None) -> bool:
        ctx = info.context
        await service.set_note(ctx.driver, ctx.auth.redis, ctx.caller.require("write:lists"), str(list_id),
                               str(media_id), note)
        return True
