"""What a signed-in person does with their own account: their sessions, the audit log,
and the profiles' credentials. Resolvers and pages call these; the principal comes from
`require_grown_up` (or `require_session` to switch profiles)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from app.errors import InvalidInput
from app.kit.checks import check_id
from app.kit.principal import Principal
from app.profiles import service as profiles

from . import repository, service
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


async def sessions(rt: AuthRuntime, p: Principal) -> list[SessionRow]:
    return await repository.list_sessions(rt.driver, p.user)


async def api_tokens(rt: AuthRuntime, p: Principal) -> list[ApiTokenRow]:
    return await repository.list_api_tokens(rt.driver, p.user)


async def audit_log(rt: AuthRuntime, p: Principal, first: int, before: str | None) -> list[AuditRow]:
    if not 1 <= first <= 100:
        raise InvalidInput("first must be between 1 and 100", field="first")
    if before is not None:
        try:
            datetime.fromisoformat(before[:40])
        except ValueError:
            raise InvalidInput("before must be an ISO 8601 date-time", field="before") from None
    return await repository.list_audit(rt.driver, p.user, first, before)


async def logout_everywhere(rt: AuthRuntime, p: Principal) -> int:
    """Signs out every session of the account; how many there were."""
    revoked = await service.revoke(rt, p.user)
    await repository.append_audit(rt.driver, p.user, "logout_everywhere")
    return len(revoked)


async def revoke_session(rt: AuthRuntime, p: Principal, session: str) -> None:
    if not await service.revoke(rt, p.user, check_id(session, "id")):
        raise InvalidInput("No such session", field="id")


async def delete_profile(rt: AuthRuntime, p: Principal, profile: str) -> None:
    """The profile goes, and with it every session and API token acting as it."""
    profile = check_id(profile, "id")
    await profiles.delete(rt.driver, rt.redis, p.user, profile, p.profile)
    await service.revoke_profile(rt, p.user, profile)


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
