"""Outgoing mail: a real SMTP conversation when SMTP_HOST is set, else .eml files in the outbox."""

from __future__ import annotations

import asyncio
import time
import uuid
from email.message import EmailMessage
from pathlib import Path

import aiosmtplib

from app.settings import MailSettings


def compose(sender: str, to: str, subject: str, body: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, to, subject
    msg["Message-ID"] = f"<{uuid.uuid4().hex}@reelgraph>"
    msg.set_content(body)
    return msg


def _drop(outbox: Path, message: bytes) -> None:
    outbox.mkdir(parents=True, exist_ok=True)
    (outbox / f"{time.time():.6f}-{uuid.uuid4().hex[:6]}.eml").write_bytes(message)


async def send(settings: MailSettings, outbox: Path, to: str, subject: str, body: str) -> None:
    msg = compose(settings.sender, to, subject, body)
    if settings.host is None:
        await asyncio.to_thread(_drop, outbox, bytes(msg))
        return
    await aiosmtplib.send(
        msg, hostname=settings.host, port=settings.port, username=settings.user,
        password=settings.password, start_tls=settings.starttls if settings.user else False,
        timeout=20,
    )
