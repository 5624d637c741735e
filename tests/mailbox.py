"""An aiosmtpd handler that keeps every message it receives, for tests to read."""

from __future__ import annotations

import asyncio
import re
from email import message_from_bytes
from email.message import Message
from typing import Any


class Mailbox:
    def __init__(self) -> None:
        self.messages: list[Message] = []
        self.port = 0

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(message_from_bytes(envelope.content))
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list[Message]:
        return [m for m in self.messages if m["To"] == address]

    async def wait_for(self, address: str, count: int = 1, timeout: float = 5) -> list[Message]:
        for _ in range(int(timeout / 0.05)):
            if len(self.to(address)) >= count:
                return self.to(address)
            await asyncio.sleep(0.05)
        raise AssertionError(f"{count} message(s) to {address} expected, got {len(self.to(address))}")


def link_token(message: Message, path: str) -> str:
    body = message.get_payload(decode=True).decode()  # type: ignore[union-attr]
    found = re.search(rf"{re.escape(path)}\?token=([\w-]+)", body)
    assert found, body
    return found.group(1)
