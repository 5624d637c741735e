"""Account queries and mutations. Resolvers parse input and call the services."""

from __future__ import annotations

import strawberry

from app.kit.info import Info
from app.profiles.types import Profile

from . import manage, service, twofactor
from .errors import InvalidCredentials
from .types import (
    ApiToken,
    AuditEvent,
    AuthPayload,
    CreatedApiToken,
    LoginInput,
    Message,
    RegisterInput,
    Session,
    SwitchProfilePayload,
    TwoFactorSetup,
    User,
)

CHECK_INBOX = "If that address can be used, a message is on its way; check your inbox."


def _payload(info: Info, tokens: service.Tokens, use_cookie: bool) -> AuthPayload:
    if use_cookie:
        info.context.set_session_cookies(tokens)
        return AuthPayload(expires_in=tokens.expires_in)
    return AuthPayload(access_token=tokens.access_token, refresh_token=tokens.refresh_token,
                       expires_in=tokens.expires_in)


@strawberry.type
class AccountQuery:
    @strawberry.field
    async def me(self, info: Info) -> User:
        found = await manage.me(info.context.auth, info.context.caller.require())
        row = found.user
        return User(id=strawberry.ID(row["uid"]), email=row.get("email"),
                    email_verified=bool(row.get("email_verified")),
                    display_name=row.get("display_name"),
                    two_factor_enabled=bool(row.get("totp_enabled")),
                    active_profile=Profile.from_row(found.profile) if found.profile else None)

    @strawberry.field
    async def my_sessions(self, info: Info) -> list[Session]:
        rows, mine = await manage.sessions(info.context.auth, info.context.caller)
        return [Session.from_row(r, mine) for r in rows]

    @strawberry.field
    async def my_api_tokens(self, info: Info) -> list[ApiToken]:
        return [ApiToken.from_row(r) for r in await manage.api_tokens(info.context.auth, info.context.caller)]

    @strawberry.field(description="Security events on this account, newest first")
    async def audit_log(self, info: Info, first: int = 50, before: str | None = None) -> list[AuditEvent]:
        rows = await manage.audit_log(info.context.auth, info.context.caller, first, before)
        return [AuditEvent.from_row(r) for r in rows]


@strawberry.type
class AccountMutation:
    @strawberry.mutation
    async def register(self, info: Info, input: RegisterInput) -> Message:
        await service.register(info.context.auth, input.email, input.password, input.display_name)
        return Message(message=CHECK_INBOX)

    @strawberry.mutation
    async def verify_email(self, info: Info, token: str) -> bool:
        await service.verify_email(info.context.auth, token)
        return True

    @strawberry.mutation
    async def resend_verification(self, info: Info, email: str) -> Message:
        await service.resend_verification(info.context.auth, email)
        return Message(message=CHECK_INBOX)

    @strawberry.mutation
    async def login(self, info: Info, input: LoginInput, use_cookie: bool = False) -> AuthPayload:
        outcome = await service.login(info.context.auth, input.email, input.password,
                                      info.context.device())
        if outcome.challenge:
            return AuthPayload(two_factor_required=True, challenge=outcome.challenge)
        assert outcome.tokens is not None
        return _payload(info, outcome.tokens, use_cookie)

    @strawberry.mutation
    async def login_two_factor(self, info: Info, challenge: str, code: str | None = None,
                               recovery_code: str | None = None, use_cookie: bool = False) -> AuthPayload:
        tokens = await twofactor.complete_login(info.context.auth, challenge, code, recovery_code,
                                                info.context.device())
        return _payload(info, tokens, use_cookie)

    @strawberry.mutation(description="Trade a refresh token (argument or cookie) for new tokens")
    async def refresh(self, info: Info, refresh_token: str | None = None) -> AuthPayload:
        ctx = info.context
        from_cookie = refresh_token is None
        if from_cookie:
            ctx.require_csrf()
        token = refresh_token or ctx.refresh_cookie()
        if not token:
            raise InvalidCredentials("No refresh token given")
        return _payload(info, await service.refresh(ctx.auth, token), from_cookie)

    @strawberry.mutation
    async def logout(self, info: Info) -> bool:
        p = info.context.caller.require_session()
        await service.revoke(info.context.auth, p.user, p.session)
        info.context.clear_session_cookies()
        return True

    @strawberry.mutation(description="Sign out every session of this account; returns how many")
    async def logout_everywhere(self, info: Info) -> int:
        revoked = await manage.logout_everywhere(info.context.auth, info.context.caller)
        info.context.clear_session_cookies()
        return revoked

    @strawberry.mutation
    async def revoke_session(self, info: Info, id: strawberry.ID) -> bool:
        await manage.revoke_session(info.context.auth, info.context.caller, str(id))
        return True

    @strawberry.mutation
    async def request_password_reset(self, info: Info, email: str) -> Message:
        await service.request_password_reset(info.context.auth, email)
        return Message(message=CHECK_INBOX)

    @strawberry.mutation
    async def reset_password(self, info: Info, token: str, new_password: str) -> bool:
        await service.reset_password(info.context.auth, token, new_password)
        return True

    @strawberry.mutation
    async def change_password(self, info: Info, current_password: str, new_password: str) -> bool:
        await manage.change_password(info.context.auth, info.context.caller, current_password, new_password)
        return True

    @strawberry.mutation
    async def start_two_factor_setup(self, info: Info) -> TwoFactorSetup:
        secret, uri = await manage.start_two_factor(info.context.auth, info.context.caller)
        return TwoFactorSetup(secret=secret, otpauth_uri=uri)

    @strawberry.mutation(description="Turns two-factor on; returns one-time recovery codes, shown once")
    async def confirm_two_factor(self, info: Info, code: str) -> list[str]:
        return await manage.confirm_two_factor(info.context.auth, info.context.caller, code)

    @strawberry.mutation
    async def disable_two_factor(self, info: Info, password: str, code: str) -> bool:
        await manage.disable_two_factor(info.context.auth, info.context.caller, password, code)
        return True

    @strawberry.mutation
    async def create_api_token(self, info: Info, name: str, scopes: list[str]) -> CreatedApiToken:
        token, row = await manage.create_api_token(info.context.auth, info.context.caller, name, scopes)
        return CreatedApiToken(token=token, api_token=ApiToken.from_row(row))

    @strawberry.mutation
    async def revoke_api_token(self, info: Info, id: strawberry.ID) -> bool:
        await manage.revoke_api_token(info.context.auth, info.context.caller, str(id))
        return True

    @strawberry.mutation
    async def delete_profile(self, info: Info, id: strawberry.ID) -> bool:
        await manage.delete_profile(info.context.auth, info.context.caller, str(id))
        return True

    @strawberry.mutation(description="Act as another profile of this account: a new access "
                         "token. Leaving a kid or guest profile for another needs the password.")
    async def switch_profile(self, info: Info, profile_id: strawberry.ID,
                             password: str | None = None) -> SwitchProfilePayload:
        ctx = info.context
        token, row = await manage.switch_profile(ctx.auth, ctx.caller.require_session(),
                                                 str(profile_id), password)
        ctx.set_access_cookie(token)
        return SwitchProfilePayload(access_token=token, profile=Profile.from_row(row))
