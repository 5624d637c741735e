"""Profile queries and mutations: family profiles and kid caps. Deleting and switching
profiles touch sessions too, so they live with the accounts (app.accounts.resolvers)."""

from __future__ import annotations

import strawberry

from app.kit.info import Info

from . import service
from .types import Profile, ProfileInput


@strawberry.type
class ProfileQuery:
    @strawberry.field(description="Profiles of the signed-in account")
    async def my_profiles(self, info: Info) -> list[Profile]:
        return [Profile.from_row(r) for r in await service.list_mine(info.context.driver, info.context.caller)]


@strawberry.type
class ProfileMutation:
    @strawberry.mutation
    async def create_profile(self, info: Info, name: str, is_kid: bool = False,
                             is_guest: bool = False, input: ProfileInput | None = None) -> Profile:
        ctx = info.context
        extra = input.fields() if input else {}
        extra.pop("name", None)
        return Profile.from_row(await service.create(ctx.driver, ctx.caller, name, is_kid, is_guest, **extra))

    @strawberry.mutation
    async def update_profile(self, info: Info, id: strawberry.ID, input: ProfileInput) -> Profile:
        ctx = info.context
        return Profile.from_row(await service.update(ctx.driver, ctx.auth.redis, ctx.caller, str(id),
                                                     **input.fields()))
