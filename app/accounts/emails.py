"""The account emails. Sent from jobs, so a request never waits on (or reveals) SMTP."""

from __future__ import annotations

from app.kit.tokens import digest, random_token

from . import repository
from .mailer import send
from .runtime import AuthRuntime


async def verification(rt: AuthRuntime, email: str) -> None:
    """A fresh single-use link for an account that is not verified yet; else nothing."""
    found = await repository.user_by_email(rt.driver, email)
    if found is None or found[0].get("email_verified"):
        return
    token = random_token()
    await rt.redis.set(f"auth:verify:{digest(token)}", found[0]["uid"],
                       ex=rt.settings.auth.verify_ttl_seconds)
    link = f"{rt.settings.auth.public_url}/auth/verify?token={token}"
    await send(rt.settings.mail, rt.outbox, email, "Confirm your Reelgraph email",
               f"Welcome to Reelgraph!\n\nConfirm your address within 24 hours:\n{link}\n\n"
               "If you did not sign up, ignore this message.\n")


async def account_exists(rt: AuthRuntime, email: str) -> None:
    link = f"{rt.settings.auth.public_url}/auth/reset"
    await send(rt.settings.mail, rt.outbox, email, "Someone tried to sign up with your email",
               "Somebody (maybe you) tried to create a Reelgraph account with this address, "
               f"which already has one.\n\nForgot your password? Reset it here: {link}\n")


async def password_reset(rt: AuthRuntime, email: str) -> None:
    found = await repository.user_by_email(rt.driver, email)
    if found is None:
        return  # nothing to send; the request already answered like any other
    user, ttl = found[0]["uid"], rt.settings.auth.reset_ttl_seconds
    token = random_token()
    # only the newest link works: the one it replaces is deleted
    previous = await rt.redis.set(f"auth:reset-for:{user}", digest(token), ex=ttl, get=True)
    if previous:
        await rt.redis.delete(f"auth:reset:{previous}")
    await rt.redis.set(f"auth:reset:{digest(token)}", user, ex=ttl)
    link = f"{rt.settings.auth.public_url}/auth/reset?token={token}"
    await send(rt.settings.mail, rt.outbox, email, "Reset your Reelgraph password",
               f"Use this link within an hour to choose a new password:\n{link}\n\n"
               "It works once. If you did not ask for it, ignore this message.\n")
    await repository.append_audit(rt.driver, found[0]["uid"], "password_reset_requested")
