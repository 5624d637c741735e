"""Accounts in Neo4j: users, sessions, API tokens, identities, audit events."""

from __future__ import annotations

import json
from typing import Any

from neo4j import AsyncDriver
from neo4j.exceptions import ConstraintError

from app.lists.system import SYSTEM_LISTS
from cypher import read, write


class EmailTaken(Exception):
    pass


async def create_user(driver: AsyncDriver, email: str | None, password_hash: str | None,
                      display_name: str, email_verified: bool = False) -> tuple[dict[str, Any], str]:
    try:
        rows = await write(driver, "accounts/create_user", email=email, password_hash=password_hash,
                           display_name=display_name, email_verified=email_verified,
                           system_lists=list(SYSTEM_LISTS))
    except ConstraintError as e:
        raise EmailTaken(email) from e
    return rows[0]["user"], rows[0]["profile"]


async def user_by_email(driver: AsyncDriver, email: str) -> tuple[dict[str, Any], str] | None:
    rows = await read(driver, "accounts/user_by_email", email=email)
    return (rows[0]["user"], rows[0]["profile"]) if rows else None


async def user_by_id(driver: AsyncDriver, user: str) -> tuple[dict[str, Any], str] | None:
    rows = await read(driver, "accounts/user_by_id", user=user)
    return (rows[0]["user"], rows[0]["profile"]) if rows else None


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
                         new_hash: str) -> tuple[dict[str, Any], str] | None:
    rows = await write(driver, "accounts/rotate_refresh", session=session, old_hash=old_hash,
                       new_hash=new_hash)
    return (dict(rows[0]["session"]), rows[0]["user"]) if rows else None


async def session_by_id(driver: AsyncDriver, session: str) -> tuple[dict[str, Any], str] | None:
    rows = await read(driver, "accounts/session_by_id", session=session)
    return (dict(rows[0]["session"]), rows[0]["user"]) if rows else None


async def list_sessions(driver: AsyncDriver, user: str) -> list[dict[str, Any]]:
    return [dict(r["session"]) for r in await read(driver, "accounts/list_sessions", user=user)]


async def revoke_sessions(driver: AsyncDriver, user: str, session: str | None = None) -> list[str]:
    rows = await write(driver, "accounts/revoke_sessions", user=user, session=session)
    return list(rows[0]["revoked"]) if rows else []


async def create_api_token(driver: AsyncDriver, user: str, name: str, token_hash: str, prefix: str,
                           scopes: list[str], profile: str | None) -> dict[str, Any]:
    rows = await write(driver, "accounts/create_api_token", user=user, name=name,
                       token_hash=token_hash, prefix=prefix, scopes=scopes, profile=profile)
    return dict(rows[0]["token"])


async def list_api_tokens(driver: AsyncDriver, user: str) -> list[dict[str, Any]]:
    return [dict(r["token"]) for r in await read(driver, "accounts/list_api_tokens", user=user)]


async def revoke_api_token(driver: AsyncDriver, user: str, token: str) -> bool:
    return bool(await write(driver, "accounts/revoke_api_token", user=user, token=token))


async def use_api_token(driver: AsyncDriver, token_hash: str) -> tuple[dict[str, Any], str] | None:
    rows = await write(driver, "accounts/use_api_token", token_hash=token_hash)
    return (dict(rows[0]["token"]), rows[0]["user"]) if rows else None


async def append_audit(driver: AsyncDriver, user: str, kind: str, ip: str = "", device: str = "",
                       **detail: Any) -> None:
    await write(driver, "accounts/append_audit", user=user, kind=kind, ip=ip[:64],
                device=device[:200], detail=json.dumps(detail))


async def list_audit(driver: AsyncDriver, user: str, limit: int,
                     before: str | None) -> list[dict[str, Any]]:
    rows = await read(driver, "accounts/list_audit", user=user, limit=limit, before=before)
    return [dict(r["event"]) for r in rows]


async def identity_user(driver: AsyncDriver, key: str) -> tuple[dict[str, Any], str] | None:
    rows = await read(driver, "accounts/identity_user", key=key)
    return (rows[0]["user"], rows[0]["profile"]) if rows else None


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
