"""Optional TOTP second factor with one-time recovery codes."""

from __future__ import annotations

import json
import secrets
from datetime import datetime

import pyotp

from app.errors import InvalidInput
from app.kit.tokens import digest

from . import ratelimit, repository
from .errors import InvalidCredentials
from .repository import UserRow
from .runtime import AuthRuntime
from .service import Device, Tokens, confirm_password, start_session

RECOVERY_CODES = 10
ISSUER = "Reelgraph"


def _totp(secret: str) -> pyotp.TOTP:
    return pyotp.TOTP(secret)


async def _accept_code(rt: AuthRuntime, user: str, secret: str, code: str) -> bool:
    """A code from this 30 s step or the one either side, and never the same step twice."""
    code = code.strip().replace(" ", "")
    if not (len(code) == 6 and code.isdigit()):
        return False
    totp = _totp(secret)
    now = totp.timecode(datetime.now())
    for step in (now, now - 1, now + 1):
        if secrets.compare_digest(totp.generate_otp(step), code):
            # replay guard: each step can be used once per account
            return bool(await rt.redis.set(f"auth:totp:{user}:{step}", "1", nx=True, ex=120))
    return False


def new_recovery_codes() -> list[str]:
    return [f"{secrets.token_hex(4)}-{secrets.token_hex(4)}" for _ in range(RECOVERY_CODES)]


async def start_setup(rt: AuthRuntime, user: str) -> tuple[str, str]:
    """A fresh secret and its otpauth:// URI; it is only kept once confirmed."""
    account = await repository.user_by_id(rt.driver, user)
    if account is None:
        raise InvalidCredentials("This account no longer exists")
    if account[0].get("totp_enabled"):
        raise InvalidInput("Two-factor sign-in is already on", field="twoFactor")
    secret = pyotp.random_base32()
    await rt.redis.set(f"auth:totp_pending:{user}", rt.fernet.encrypt(secret.encode()), ex=600)
    uri = _totp(secret).provisioning_uri(name=account[0].get("email") or user, issuer_name=ISSUER)
    return secret, uri


async def confirm_setup(rt: AuthRuntime, user: str, code: str) -> list[str]:
    pending = await rt.redis.get(f"auth:totp_pending:{user}")
    if pending is None:
        raise InvalidInput("Start two-factor setup again; it expired", field="code")
    secret = rt.fernet.decrypt(pending.encode() if isinstance(pending, str) else pending).decode()
    if not await _accept_code(rt, user, secret, code):
        raise InvalidInput("That code is not valid; check your authenticator's time", field="code")
    codes = new_recovery_codes()
    await repository.update_user(rt.driver, user, totp_enabled=True,
                                 totp_secret=rt.fernet.encrypt(secret.encode()).decode(),
                                 recovery_codes=[digest(c) for c in codes])
    await rt.redis.delete(f"auth:totp_pending:{user}")
    await repository.append_audit(rt.driver, user, "2fa_enabled")
    return codes


async def _secret(rt: AuthRuntime, account: UserRow) -> str:
    return rt.fernet.decrypt(str(account["totp_secret"]).encode()).decode()


async def complete_login(rt: AuthRuntime, challenge: str, code: str | None,
                         recovery_code: str | None, device: Device) -> Tokens:
    a = rt.settings.auth
    key = f"auth:challenge:{digest(challenge[:200])}"
    saved = await rt.redis.get(key)
    if saved is None:
        raise InvalidCredentials("Sign in again; this step expired")
    user, email = json.loads(saved)
    # every code tried counts against the same limit as passwords
    await ratelimit.attempt(rt.redis, email, device.ip, a)
    found = await repository.user_by_id(rt.driver, user)
    if found is None:
        raise InvalidCredentials("This account no longer exists")
    account, profile = found
    if code and await _accept_code(rt, user, await _secret(rt, account), code):
        kind = "login_2fa"
    elif recovery_code and await repository.use_recovery_code(
            rt.driver, user, digest(recovery_code.strip().lower())):
        kind = "login_recovery_code"
    else:
        await repository.append_audit(rt.driver, user, "2fa_failed", device.ip, device.name)
        raise InvalidInput("That code is not valid", field="code")
    if await rt.redis.getdel(key) is None:  # one session per challenge, even when racing
        raise InvalidCredentials("Sign in again; this step expired")
    await ratelimit.succeeded(rt.redis, email, device.ip)
    return await start_session(rt, user, profile, device, kind=kind)


async def disable(rt: AuthRuntime, user: str, password: str, code: str) -> None:
    """Step-up: both the password and a current code are needed to turn it off."""
    found = await repository.user_by_id(rt.driver, user)
    if found is None or not found[0].get("totp_enabled"):
        raise InvalidInput("Two-factor sign-in is not on", field="twoFactor")
    account = await confirm_password(rt, user, password, "password")
    if not await _accept_code(rt, user, await _secret(rt, account), code):
        raise InvalidInput("That code is not valid", field="code")
    await repository.update_user(rt.driver, user, totp_enabled=False, totp_secret=None,
                                 recovery_codes=[])
    await repository.append_audit(rt.driver, user, "2fa_disabled")
