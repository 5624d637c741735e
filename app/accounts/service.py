"""Registration, verification, sign-in, sessions and passwords.

Anything that depends on whether an email is registered either happens in a job
(emails) or runs the same work on both paths, so responses do not tell.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from app.errors import InvalidInput

from . import passwords, ratelimit, repository
from .errors import InvalidCredentials, TooManyAttempts
from .runtime import AuthRuntime
from .tokens import AccessClaims, digest, random_token
from .validation import display_name, normalize_email

SESSION_SCOPES = ("*",)
GENERIC_LOGIN_ERROR = "Invalid email or password"


@dataclass
class Device:
    name: str = ""
    ip: str = ""


@dataclass
class Tokens:
    access_token: str
    refresh_token: str
    expires_in: int
    user: str
    profile: str | None
    session: str


@dataclass
class LoginOutcome:
    tokens: Tokens | None = None
    challenge: str | None = None  # set when a second factor is required


# ---------------------------------------------------------------- registration

async def register(rt: AuthRuntime, email: str, password: str, name: str) -> None:
    """Create the account and send a verification link; an address already in use gets
    a notice instead. The caller sees the same answer either way."""
    email = normalize_email(email)
    name = display_name(name)
    passwords.check_policy(password, email)
    password_hash = passwords.hash_password(password)
    try:
        await repository.create_user(rt.driver, email, password_hash, name)
    except repository.EmailTaken:
        await rt.jobs.enqueue_job("send_account_exists", email)
        return
    # the job makes the link itself, so no token sits in the queue or the worker's log
    await rt.jobs.enqueue_job("send_verification", email)


async def verify_email(rt: AuthRuntime, token: str) -> str:
    user = await rt.redis.getdel(f"auth:verify:{digest(token[:200])}")
    if user is None:
        raise InvalidInput("This verification link is invalid or has expired", field="token")
    await repository.update_user(rt.driver, user, email_verified=True)
    await repository.append_audit(rt.driver, user, "email_verified")
    return str(user)


async def resend_verification(rt: AuthRuntime, email: str) -> None:
    await rt.jobs.enqueue_job("send_verification", normalize_email(email))


# ---------------------------------------------------------------- sign-in

async def login(rt: AuthRuntime, email: str, password: str, device: Device) -> LoginOutcome:
    a = rt.settings.auth
    email = normalize_email(email)
    if len(password) > passwords.MAX_LENGTH:
        raise InvalidCredentials(GENERIC_LOGIN_ERROR)
    if await ratelimit.locked(rt.redis, email, a.login_max_failures):
        raise TooManyAttempts("Too many failed sign-in attempts; try again in a few minutes")
    found = await repository.user_by_email(rt.driver, email)
    user = found[0] if found else None
    if not passwords.verify(user.get("password_hash") if user else None, password):
        await ratelimit.failed(rt.redis, email, a.lockout_seconds)
        if user is not None:
            rt.spawn(repository.append_audit(rt.driver, user["uid"], "login_failed",
                                             device.ip, device.name))
        raise InvalidCredentials(GENERIC_LOGIN_ERROR)
    assert user is not None and found is not None
    if not user.get("email_verified"):
        raise InvalidCredentials("Verify your email address before signing in; "
                                 "we can send the link again")
    await ratelimit.succeeded(rt.redis, email)
    if passwords.needs_rehash(user["password_hash"]):
        await repository.update_user(rt.driver, user["uid"],
                                     password_hash=passwords.hash_password(password))
    if user.get("totp_enabled"):
        challenge = random_token()
        await rt.redis.set(f"auth:challenge:{digest(challenge)}", user["uid"], ex=300)
        return LoginOutcome(challenge=challenge)
    return LoginOutcome(tokens=await start_session(rt, user["uid"], found[1], device))


async def start_session(rt: AuthRuntime, user: str, profile: str | None, device: Device,
                        kind: str = "login") -> Tokens:
    session = str(uuid.uuid4())
    refresh = f"{session}.{random_token()}"
    await repository.create_session(rt.driver, session, user, digest(refresh), device.name,
                                    device.ip, profile, rt.settings.auth.refresh_ttl_days)
    await repository.append_audit(rt.driver, user, kind, device.ip, device.name, session=session)
    return _tokens(rt, user, profile, session, refresh)


def _tokens(rt: AuthRuntime, user: str, profile: str | None, session: str, refresh: str) -> Tokens:
    access = rt.issuer.issue(AccessClaims(user, session, profile, SESSION_SCOPES))
    return Tokens(access, refresh, rt.settings.auth.access_ttl_seconds, user, profile, session)


async def refresh(rt: AuthRuntime, refresh_token: str) -> Tokens:
    session_id, _, _ = refresh_token[:300].partition(".")
    new = f"{session_id}.{random_token()}"
    rotated = await repository.rotate_refresh(rt.driver, session_id, digest(refresh_token),
                                              digest(new))
    if rotated is not None:
        session, user = rotated
        return _tokens(rt, user, session.get("profile_uid"), session_id, new)
    known = await repository.session_by_id(rt.driver, session_id)
    if known and digest(refresh_token) in (known[0].get("spent_hashes") or []):
        # A spent token came back: someone holds a copy. End the whole session.
        await revoke(rt, known[1], session_id)
        await repository.append_audit(rt.driver, known[1], "refresh_token_reuse", session=session_id)
        raise InvalidCredentials("This refresh token was already used; the session has been "
                                 "signed out everywhere it was copied")
    raise InvalidCredentials("Invalid or expired refresh token")


async def revoke(rt: AuthRuntime, user: str, session: str | None = None) -> list[str]:
    """End one session (or all): refresh fails at once, access tokens are refused via Redis."""
    revoked = await repository.revoke_sessions(rt.driver, user, session)
    ttl = rt.settings.auth.access_ttl_seconds + 60
    if revoked:
        async with rt.redis.pipeline(transaction=False) as pipe:
            for sid in revoked:
                pipe.set(f"auth:revoked:{sid}", "1", ex=ttl)
            await pipe.execute()
    return revoked


async def is_revoked(rt: AuthRuntime, session: str) -> bool:
    return bool(await rt.redis.exists(f"auth:revoked:{session}"))


async def switch_profile(rt: AuthRuntime, user: str, session: str, profile: str) -> str:
    """New access token for another profile of the account; the session remembers it."""
    if not await repository.set_session_profile(rt.driver, user, session, profile):
        raise InvalidCredentials("This session has ended")
    return rt.issuer.issue(AccessClaims(user, session, profile, SESSION_SCOPES))


# ---------------------------------------------------------------- passwords

async def request_password_reset(rt: AuthRuntime, email: str) -> None:
    # The job decides whether there is anything to send; this request does the same work
    # for every address.
    await rt.jobs.enqueue_job("send_password_reset", normalize_email(email))


async def reset_password(rt: AuthRuntime, token: str, new_password: str) -> None:
    key = f"auth:reset:{digest(token[:200])}"
    user = await rt.redis.get(key)
    if user is None:
        raise InvalidInput("This reset link is invalid or has expired", field="token")
    found = await repository.user_by_id(rt.driver, user)
    passwords.check_policy(new_password, found[0].get("email") if found else None, "newPassword")
    if await rt.redis.getdel(key) is None:  # single use, even when two requests race
        raise InvalidInput("This reset link is invalid or has expired", field="token")
    # The link proves the address, so it also verifies the email.
    await repository.update_user(rt.driver, user, password_hash=passwords.hash_password(new_password),
                                 email_verified=True)
    await revoke(rt, user)
    await repository.append_audit(rt.driver, user, "password_reset")


async def change_password(rt: AuthRuntime, user: str, session: str | None, current: str,
                          new_password: str) -> None:
    found = await repository.user_by_id(rt.driver, user)
    if found is None or not passwords.verify(found[0].get("password_hash"), current):
        raise InvalidInput("Current password is not correct", field="currentPassword")
    passwords.check_policy(new_password, found[0].get("email"), "newPassword")
    await repository.update_user(rt.driver, user, password_hash=passwords.hash_password(new_password))
    for sid in [s["uid"] for s in await repository.list_sessions(rt.driver, user)]:
        if sid != session:  # other devices sign in again; this one stays
            await revoke(rt, user, sid)
    await repository.append_audit(rt.driver, user, "password_changed")


async def user_view(rt: AuthRuntime, user: str) -> dict[str, Any]:
    found = await repository.user_by_id(rt.driver, user)
    if found is None:
        raise InvalidCredentials("This account no longer exists")
    return found[0]
