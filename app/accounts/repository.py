"""Accounts in Neo4j: users, sessions, API tokens, identities, audit events."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any, Required, TypedDict, cast

from neo4j import AsyncDriver
from neo4j.exceptions import ConstraintError

from app.lists.system import SYSTEM_LISTS
from cypher import read, write


class EmailTaken(Exception):
    pass


class UserRow(TypedDict, total=False):
    uid: Required[str]
    email: str | None
    password_hash: str | None
    display_name: str
    email_verified: bool
    totp_enabled: bool
    totp_secret: str | None
    recovery_codes: list[str]
    created_at: datetime


class SessionRow(TypedDict, total=False):
    uid: Required[str]
    device: str
    ip: str
    profile_uid: str | None
    spent_hashes: list[str]
    created_at: datetime
    last_used_at: datetime


class ApiTokenRow(TypedDict, total=False):
    uid: Required[str]
    name: str
    prefix: str
    scopes: list[str]
    profile_uid: str | None
    created_at: datetime
    last_used_at: datetime | None


class AuditRow(TypedDict):
    uid: str
    kind: str
    ip: str | None
    device: str | None
    detail: str | None  # JSON
    at: datetime


# (the account, the uid of its primary profile)
Account = tuple[UserRow, str]


def _account(row: Any) -> Account:
    return cast(UserRow, row["user"]), row["profile"]


async def create_user(driver: AsyncDriver, email: str | None, password_hash: str | None,
                      display_name: str, email_verified: bool = False) -> Account:
    try:
        rows = await write(driver, "accounts/create_user", email=email, password_hash=password_hash,
                           display_name=display_name, email_verified=email_verified,
                           system_lists=list(SYSTEM_LISTS))
    except ConstraintError as e:
        raise EmailTaken(email) from e
    return _account(rows[0])


async def user_by_email(driver: AsyncDriver, email: str) -> Account | None:
    rows = await read(driver, "accounts/user_by_email", email=email)
    return _account(rows[0]) if rows else None


async def user_by_id(driver: AsyncDriver, user: str) -> Account | None:
    rows = await read(driver, "accounts/user_by_id", user=user)
    return _account(rows[0]) if rows else None


async def update_user(driver: AsyncDriver, user: str, **props: Any) -> None:
    await write(driver, "accounts/update_user", user=user, props=props)


async def create_session(driver: AsyncDriver, session: str, user: str, refresh_hash: str,
                         device: str, ip: str, profile: str | None, ttl_days: int) -> None:
    await write(driver, "accounts/create_session", session=session, user=user,
                refresh_hash=refresh_hash, device=device[:200], ip=ip[:64], profile=profile,
                ttl_days=ttl_days)


async def set_session_profile(driver: AsyncDriver, user: str, session: str, profile: str) -> bool:
    return bool(await write(driver, "accounts/set_session_profile", user=user, session=session,
                            profile=profile))


async def rotate_refresh(driver: AsyncDriver, session: str, old_hash: str,
                         new_hash: str) -> tuple[SessionRow, str] | None:
    rows = await write(driver, "accounts/rotate_refresh", session=session, old_hash=old_hash,
                       new_hash=new_hash)
    return (cast(SessionRow, rows[0]["session"]), rows[0]["user"]) if rows else None


async def session_by_id(driver: AsyncDriver, session: str) -> tuple[SessionRow, str] | None:
    rows = await read(driver, "accounts/session_by_id", session=session)
    return (cast(SessionRow, rows[0]["session"]), rows[0]["user"]) if rows else None


async def list_sessions(driver: AsyncDriver, user: str) -> list[SessionRow]:
    return [cast(SessionRow, r["session"]) for r in await read(driver, "accounts/list_sessions", user=user)]


async def revoke_sessions(driver: AsyncDriver, user: str, session: str | None = None) -> list[str]:
    rows = await write(driver, "accounts/revoke_sessions", user=user, session=session)
    return list(rows[0]["revoked"]) if rows else []


async def create_api_token(driver: AsyncDriver, user: str, name: str, token_hash: str, prefix: str,
                           scopes: list[str], profile: str | None) -> ApiTokenRow:
    rows = await write(driver, "accounts/create_api_token", user=user, name=name,
                       token_hash=token_hash, prefix=prefix, scopes=scopes, profile=profile)
    return cast(ApiTokenRow, rows[0]["token"])


async def list_api_tokens(driver: AsyncDriver, user: str) -> list[ApiTokenRow]:
    return [cast(ApiTokenRow, r["token"]) for r in await read(driver, "accounts/list_api_tokens", user=user)]


async def revoke_api_token(driver: AsyncDriver, user: str, token: str) -> bool:
    return bool(await write(driver, "accounts/revoke_api_token", user=user, token=token))


async def use_api_token(driver: AsyncDriver, token_hash: str) -> tuple[ApiTokenRow, str] | None:
    rows = await write(driver, "accounts/use_api_token", token_hash=token_hash)
    return (cast(ApiTokenRow, rows[0]["token"]), rows[0]["user"]) if rows else None


async def append_audit(driver: AsyncDriver, user: str, kind: str, ip: str = "", device: str = "",
                       **detail: Any) -> None:
    await write(driver, "accounts/append_audit", user=user, kind=kind, ip=ip[:64],
                device=device[:200], detail=json.dumps(detail))


async def list_audit(driver: AsyncDriver, user: str, limit: int,
                     before: str | None) -> list[AuditRow]:
    rows = await read(driver, "accounts/list_audit", user=user, limit=limit, before=before)
    return [cast(AuditRow, r["event"]) for r in rows]


async def identity_user(driver: AsyncDriver, key: str) -> Account | None:
    rows = await read(driver, "accounts/identity_user", key=key)
    return _account(rows[0]) if rows else None


async def link_identity(driver: AsyncDriver, user: str, provider: str, subject: str,
                        email: str | None) -> None:
    await write(driver, "accounts/link_identity", user=user, key=f"{provider}|{subject}",
                provider=provider, subject=subject, email=email)


async def use_recovery_code(driver: AsyncDriver, user: str, code_hash: str) -> bool:
    """Removes the code if present, atomically: a code signs in once, even when racing."""
    return bool(await write(driver, "accounts/use_recovery_code", user=user, code_hash=code_hash))


async def revoke_profile_credentials(driver: AsyncDriver, user: str, profile: str) -> list[str]:
    rows = await write(driver, "accounts/revoke_profile_credentials", user=user, profile=profile)
    return list(rows[0]["sessions"]) if rows else []


async def revoke_all_api_tokens(driver: AsyncDriver, user: str) -> int:
    rows = await write(driver, "accounts/revoke_all_api_tokens", user=user)
    return int(rows[0]["revoked"]) if rows else 0
