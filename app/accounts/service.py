"""Registration, verification, sign-in, sessions and passwords.

Anything that depends on whether an email is registered either happens in a job
(emails) or runs the same work on both paths, so responses do not tell.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass

from app.errors import InvalidInput
from app.kit.checks import display_name, normalize_email
from app.kit.tokens import digest, random_token
from workers import enqueue

from . import passwords, ratelimit, repository
from .errors import InvalidCredentials
from .repository import UserRow
from .runtime import AuthRuntime
from .tokens import AccessClaims

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
    await ratelimit.mail(rt.redis, email)
    try:
        await repository.create_user(rt.driver, email, password_hash, name)
    except repository.EmailTaken:
        await enqueue.send_account_exists(rt.jobs, email)
        return
    # the job makes the link itself, so no token sits in the queue or the worker's log
    await enqueue.send_verification(rt.jobs, email)


async def verify_email(rt: AuthRuntime, token: str) -> str:
    user = await rt.redis.getdel(f"auth:verify:{digest(token[:200])}")
    if user is None:
        raise InvalidInput("This verification link is invalid or has expired", field="token")
    await repository.update_user(rt.driver, user, email_verified=True)
    await repository.append_audit(rt.driver, user, "email_verified")
    return str(user)


async def resend_verification(rt: AuthRuntime, email: str) -> None:
    email = normalize_email(email)
    await ratelimit.mail(rt.redis, email)
    await enqueue.send_verification(rt.jobs, email)


# ---------------------------------------------------------------- sign-in

async def login(rt: AuthRuntime, email: str, password: str, device: Device) -> LoginOutcome:
    a = rt.settings.auth
    email = normalize_email(email)
    if len(password) > passwords.MAX_LENGTH:
        raise InvalidCredentials(GENERIC_LOGIN_ERROR)
    await ratelimit.attempt(rt.redis, email, device.ip, a)
    found = await repository.user_by_email(rt.driver, email)
    user = found[0] if found else None
    stored = user.get("password_hash") if user else None
    if not passwords.verify(stored, password):
        if user is not None:
            rt.spawn(repository.append_audit(rt.driver, user["uid"], "login_failed",
                                             device.ip, device.name))
        raise InvalidCredentials(GENERIC_LOGIN_ERROR)
    assert user is not None and found is not None and stored is not None
    if not user.get("email_verified"):
        raise InvalidCredentials("Verify your email address before signing in; "
                                 "we can send the link again")
    if passwords.needs_rehash(stored):
        await repository.update_user(rt.driver, user["uid"],
                                     password_hash=passwords.hash_password(password))
    if user.get("totp_enabled"):
        # the reserved attempt stays taken until the second factor succeeds too
        return LoginOutcome(challenge=await two_factor_challenge(rt, user["uid"], email))
    await ratelimit.succeeded(rt.redis, email, device.ip)
    return LoginOutcome(tokens=await start_session(rt, user["uid"], found[1], device))


async def two_factor_challenge(rt: AuthRuntime, user: str, email: str | None) -> str:
    challenge = random_token()
    await rt.redis.set(f"auth:challenge:{digest(challenge)}", json.dumps([user, email or user]), ex=300)
    return challenge


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
    await _mark_revoked(rt, revoked)
    return revoked


async def revoke_profile(rt: AuthRuntime, user: str, profile: str) -> None:
    await _mark_revoked(rt, await repository.revoke_profile_credentials(rt.driver, user, profile))


async def _mark_revoked(rt: AuthRuntime, sessions: list[str]) -> None:
    ttl = rt.settings.auth.access_ttl_seconds + 60  # past that, the tokens expire anyway
    if sessions:
        async with rt.redis.pipeline(transaction=False) as pipe:
            for sid in sessions:
                pipe.set(f"auth:revoked:{sid}", "1", ex=ttl)
            await pipe.execute()


async def confirm_password(rt: AuthRuntime, user: str, password: str, field: str) -> UserRow:
    """Step-up: the account password again, throttled like sign-in."""
    found = await repository.user_by_id(rt.driver, user)
    who = (found[0].get("email") if found else None) or user
    await ratelimit.attempt(rt.redis, who, "", rt.settings.auth)
    if found is None or not passwords.verify(found[0].get("password_hash"), password):
        raise InvalidInput("Password is not correct", field=field)
    await ratelimit.succeeded(rt.redis, who, "")
    return found[0]


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
    email = normalize_email(email)
    await ratelimit.mail(rt.redis, email)
    await enqueue.send_password_reset(rt.jobs, email)


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
    # a reset may follow a compromise: scripts and extensions must be re-authorised too
    await repository.revoke_all_api_tokens(rt.driver, user)
    await rt.redis.delete(f"auth:reset-for:{user}")
    await repository.append_audit(rt.driver, user, "password_reset")


async def change_password(rt: AuthRuntime, user: str, session: str | None, current: str,
                          new_password: str) -> None:
    account = await confirm_password(rt, user, current, "currentPassword")
    passwords.check_policy(new_password, account.get("email"), "newPassword")
    await repository.update_user(rt.driver, user, password_hash=passwords.hash_password(new_password))
    for sid in [s["uid"] for s in await repository.list_sessions(rt.driver, user)]:
        if sid != session:  # other devices sign in again; this one stays
            await revoke(rt, user, sid)
    await repository.append_audit(rt.driver, user, "password_changed")


async def user_view(rt: AuthRuntime, user: str) -> UserRow:
    found = await repository.user_by_id(rt.driver, user)
    if found is None:
        raise InvalidCredentials("This account no longer exists")
    return found[0]


async def is_admin(rt: AuthRuntime, user: str) -> bool:
    found = await repository.user_by_id(rt.driver, user)
    return found is not None and rt.settings.auth.is_admin(found[0].get("email"))
