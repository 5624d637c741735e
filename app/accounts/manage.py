"""What a signed-in person does with their own account: sessions, the audit log, password,
two-factor, API tokens and profiles. Resolvers and pages call these with the request's
caller; each checks that a grown-up profile acts, from a signed-in session (switching
profiles needs only the session), so no caller can skip the rule."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from app.errors import InvalidInput
from app.kit.checks import check_id
from app.kit.principal import Caller, Principal
from app.profiles import service as profiles

from . import api_tokens as tokens
from . import repository, service, twofactor
from .repository import ApiTokenRow, AuditRow, SessionRow, UserRow
from .runtime import AuthRuntime

if TYPE_CHECKING:
    from app.profiles.repository import ProfileRow


@dataclass(frozen=True)
class Me:
    user: UserRow
    profile: ProfileRow | None  # the one the caller acts as


async def me(rt: AuthRuntime, p: Principal) -> Me:
    return Me(await service.user_view(rt, p.user), await profiles.active(rt.driver, p))


async def _grown_up(rt: AuthRuntime, caller: Caller) -> Principal:
    return await profiles.require_grown_up(rt.driver, caller)


async def sessions(rt: AuthRuntime, caller: Caller) -> tuple[list[SessionRow], str | None]:
    """The account's sessions, and the caller's own among them."""
    p = await _grown_up(rt, caller)
    return await repository.list_sessions(rt.driver, p.user), p.session


async def api_tokens(rt: AuthRuntime, caller: Caller) -> list[ApiTokenRow]:
    p = await _grown_up(rt, caller)
    return await repository.list_api_tokens(rt.driver, p.user)


async def audit_log(rt: AuthRuntime, caller: Caller, first: int, before: str | None) -> list[AuditRow]:
    p = await _grown_up(rt, caller)
    if not 1 <= first <= 100:
        raise InvalidInput("first must be between 1 and 100", field="first")
    if before is not None:
        try:
            datetime.fromisoformat(before[:40])
        except ValueError:
            raise InvalidInput("before must be an ISO 8601 date-time", field="before") from None
    return await repository.list_audit(rt.driver, p.user, first, before)


async def logout_everywhere(rt: AuthRuntime, caller: Caller) -> int:
    """Signs out every session of the account; how many there were."""
    p = await _grown_up(rt, caller)
    revoked = await service.revoke(rt, p.user)
    await repository.append_audit(rt.driver, p.user, "logout_everywhere")
    return len(revoked)


async def revoke_session(rt: AuthRuntime, caller: Caller, session: str) -> None:
    p = await _grown_up(rt, caller)
    if not await service.revoke(rt, p.user, check_id(session, "id")):
        raise InvalidInput("No such session", field="id")


async def delete_profile(rt: AuthRuntime, caller: Caller, profile: str) -> None:
    """The profile goes, and with it every session and API token acting as it."""
    p = await _grown_up(rt, caller)
    profile = check_id(profile, "id")
    await profiles.delete(rt.driver, rt.redis, p.user, profile, p.profile)
    await service.revoke_profile(rt, p.user, profile)


async def change_password(rt: AuthRuntime, caller: Caller, current: str, new: str) -> None:
    p = await _grown_up(rt, caller)
    await service.change_password(rt, p.user, p.session, current, new)


async def start_two_factor(rt: AuthRuntime, caller: Caller) -> tuple[str, str]:
    """The new secret and its otpauth:// URI, until confirmed with a code."""
    return await twofactor.start_setup(rt, (await _grown_up(rt, caller)).user)


async def confirm_two_factor(rt: AuthRuntime, caller: Caller, code: str) -> list[str]:
    return await twofactor.confirm_setup(rt, (await _grown_up(rt, caller)).user, code)


async def disable_two_factor(rt: AuthRuntime, caller: Caller, password: str, code: str) -> None:
    await twofactor.disable(rt, (await _grown_up(rt, caller)).user, password, code)


async def create_api_token(rt: AuthRuntime, caller: Caller, name: str,
                           scopes: list[str]) -> tuple[str, ApiTokenRow]:
    p = await _grown_up(rt, caller)
    return await tokens.create(rt, p.user, p.profile, name, scopes)


async def revoke_api_token(rt: AuthRuntime, caller: Caller, token: str) -> None:
    await tokens.revoke(rt, (await _grown_up(rt, caller)).user, token)


async def switch_profile(rt: AuthRuntime, p: Principal, profile: str,
                         password: str | None) -> tuple[str, ProfileRow]:
    """A new access token acting as another profile of the account. Leaving a kid or guest
    profile for another needs the account password."""
    row = await profiles.must_own(rt.driver, p.user, profile)
    if row["uid"] != p.profile and await profiles.acts_restricted(rt.driver, p):
        if not password:
            raise InvalidInput("Enter the account password to leave this profile", field="password")
        await service.confirm_password(rt, p.user, password, "password")
    assert p.session is not None
    return await service.switch_profile(rt, p.user, p.session, row["uid"]), row
