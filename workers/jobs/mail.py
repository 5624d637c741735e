"""Account email jobs; thin wrappers over app.accounts.emails."""

from __future__ import annotations

from app.accounts import emails

from ..context import WorkerCtx


async def send_verification(ctx: WorkerCtx, email: str) -> None:
    await emails.verification(ctx["auth"], email)


async def send_account_exists(ctx: WorkerCtx, email: str) -> None:
    await emails.account_exists(ctx["auth"], email)


async def send_password_reset(ctx: WorkerCtx, email: str) -> None:
    await emails.password_reset(ctx["auth"], email)


MAIL_JOBS = [send_verification, send_account_exists, send_password_reset]
