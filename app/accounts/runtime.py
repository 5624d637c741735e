"""What the account services need at run time, built once per process."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from arq.connections import ArqRedis
from cryptography.fernet import Fernet
from neo4j import AsyncDriver
from redis.asyncio import Redis

from app.logging import log
from app.settings import Settings

from .keys import KeyRing
from .tokens import TokenIssuer


def secret_file(path: Path, make: Any) -> bytes:
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(make())
        path.chmod(0o600)
    return path.read_bytes().strip()


@dataclass
class AuthRuntime:
    driver: AsyncDriver
    redis: Redis
    jobs: ArqRedis
    settings: Settings
    keys: KeyRing = field(init=False)
    issuer: TokenIssuer = field(init=False)
    fernet: Fernet = field(init=False)
    _tasks: set[asyncio.Task[Any]] = field(default_factory=set)

    def __post_init__(self) -> None:
        a = self.settings.auth
        secrets_dir = Path(self.settings.state_dir) / "secrets"
        self.keys = KeyRing(Path(a.keys_dir) if a.keys_dir else secrets_dir / "jwt")
        self.issuer = TokenIssuer(self.keys, a.issuer, a.audience, a.access_ttl_seconds)
        key = a.data_key.encode() if a.data_key else secret_file(
            secrets_dir / "data.key", Fernet.generate_key)
        self.fernet = Fernet(key)

    @property
    def outbox(self) -> Path:
        return Path(self.settings.state_dir) / "outbox"

    def spawn(self, coro: Coroutine[Any, Any, Any]) -> None:
        """Work that must not change how long a response takes (e.g. failed-login audit)."""
        task = asyncio.create_task(coro)
        self._tasks.add(task)

        def done(t: asyncio.Task[Any]) -> None:
            self._tasks.discard(t)
            if not t.cancelled() and t.exception():
                log.error("background.failed", error=repr(t.exception()))
        task.add_done_callback(done)

    async def drain(self) -> None:
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)
