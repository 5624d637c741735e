"""Profile queries and mutations: family profiles, kid caps, switching."""

from __future__ import annotations

import strawberry

from app.accounts import service as accounts

from . import repository, service
from .types import Profile, ProfileInput

Info = strawberry.Info  # context is app.graphql.context.Context


@strawberry.type
class SwitchProfilePayload:
    access_token: str
    profile: Profile


@strawberry.type
class ProfileQuery:
    @strawberry.field(description="Profiles of the signed-in account")
    async def my_profiles(self, info: Info) -> list[Profile]:
        p = info.context.caller.require()
        return [Profile.from_row(r) for r in await repository.list_profiles(info.context.driver, p.user)]


@strawberry.type
class ProfileMutation:
    @strawberry.mutation
    async def create_profile(self, info: Info, name: str, is_kid: bool = False,
                             is_guest: bool = False, input: ProfileInput | None = None) -> Profile:
        p = info.context.caller.require_session()
        extra = input.fields() if input else {}
        extra.pop("name", None)
        row = await service.create(info.context.driver, p.user, name, is_kid, is_guest, **extra)
        return Profile.from_row(row)

    @strawberry.mutation
    async def update_profile(self, info: Info, id: strawberry.ID, input: ProfileInput) -> Profile:
        p = info.context.caller.require_session()
        row = await service.update(info.context.driver, p.user, str(id)[:64], p.profile, **input.fields())
        return Profile.from_row(row)

    @strawberry.mutation
    async def delete_profile(self, info: Info, id: strawberry.ID) -> bool:
        p = info.context.caller.require_session()
        await service.delete(info.context.driver, p.user, str(id)[:64], p.profile)
        return True

    @strawberry.mutation(description="Act as another profile of this account: a new access token")
    async def switch_profile(self, info: Info, profile_id: strawberry.ID) -> SwitchProfilePayload:
        ctx = info.context
        p = ctx.caller.require_session()
        row = await service.must_own(ctx.driver, p.user, str(profile_id))
        assert p.session is not None
        token = await accounts.switch_profile(ctx.auth, p.user, p.session, row["uid"])
        ctx.set_access_cookie(token)
        return SwitchProfilePayload(access_token=token, profile=Profile.from_row(row))
