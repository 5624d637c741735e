"""Profile queries and mutations: family profiles, kid caps, switching."""

from __future__ import annotations

import strawberry

from app.accounts import service as accounts
from app.errors import InvalidInput

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
        p = await service.require_grown_up(info.context.driver, info.context.caller)
        extra = input.fields() if input else {}
        extra.pop("name", None)
        row = await service.create(info.context.driver, p.user, name, is_kid, is_guest, **extra)
        return Profile.from_row(row)

    @strawberry.mutation
    async def update_profile(self, info: Info, id: strawberry.ID, input: ProfileInput) -> Profile:
        p = await service.require_grown_up(info.context.driver, info.context.caller)
        row = await service.update(info.context.driver, info.context.auth.redis, p.user, str(id)[:64], p.profile, **input.fields())
        return Profile.from_row(row)

    @strawberry.mutation
    async def delete_profile(self, info: Info, id: strawberry.ID) -> bool:
        ctx = info.context
        p = await service.require_grown_up(ctx.driver, ctx.caller)
        await service.delete(ctx.driver, ctx.auth.redis, p.user, str(id)[:64], p.profile)
        await accounts.revoke_profile(ctx.auth, p.user, str(id)[:64])
        return True

    @strawberry.mutation(description="Act as another profile of this account: a new access "
                         "token. Leaving a kid or guest profile for another needs the password.")
    async def switch_profile(self, info: Info, profile_id: strawberry.ID,
                             password: str | None = None) -> SwitchProfilePayload:
        ctx = info.context
        p = ctx.caller.require_session()
        row = await service.must_own(ctx.driver, p.user, str(profile_id))
        current = await repository.get_profile(ctx.driver, p.user, p.profile) if p.profile else None
        if p.profile is not None and service.restricted(current) and row["uid"] != p.profile:
            if not password:
                raise InvalidInput("Enter the account password to leave this profile", field="password")
            await accounts.confirm_password(ctx.auth, p.user, password, "password")
        assert p.session is not None
        token = await accounts.switch_profile(ctx.auth, p.user, p.session, row["uid"])
        ctx.set_access_cookie(token)
        return SwitchProfilePayload(access_token=token, profile=Profile.from_row(row))
