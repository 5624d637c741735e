"""A Redis that stops answering (paused with SIGSTOP: a partition, not a refused
connection) neither hangs the API nor needs a restart once it answers again."""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import subprocess
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from neo4j import AsyncDriver
from neomodel import adb
from redis import Redis as SyncRedis

from app.main import create_app
from app.settings import RedisSettings, Settings

from ..conftest import free_port

QUERY = '{ trending(timeframe: DAY, limit: 3) { title } searchMedia(input: {query: "heat"}) { totalCount } }'
LOGIN = 'mutation { login(input: {email: "nobody@example.com", password: "wrong-password-1"}) { accessToken } }'


@pytest.fixture
def own_redis(tmp_path: Path) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    binary = shutil.which("redis-server") or "/usr/bin/redis-server"
    port = free_port()
    server = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                               "--appendonly", "no", "--dir", str(tmp_path)], stdout=subprocess.DEVNULL)
    url = f"redis://127.0.0.1:{port}/0"
    deadline = time.monotonic() + 10
    while True:
        try:
            SyncRedis.from_url(url, socket_timeout=1).ping()
            break
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)
    yield url, server
    server.send_signal(signal.SIGCONT)
    server.terminate()
    server.wait(10)


@pytest.fixture
async def second_app_driver(driver: AsyncDriver) -> AsyncIterator[None]:
    """A second app sets neomodel's process-wide connection to its own driver and closes it
    on shutdown: give neomodel the session's driver back afterwards."""
    yield
    await adb.set_connection(driver=driver)


async def test_a_paused_redis_degrades_then_recovers(settings: Settings, movielens_catalog: object,
                                                     own_redis: tuple[str, subprocess.Popen[bytes]],
                                                     tmp_path: Path, second_app_driver: None) -> None:
    url, server = own_redis
    app = create_app(settings.model_copy(update={"redis": RedisSettings(url=url), "state_dir": str(tmp_path)}))
    async with app.router.lifespan_context(app):
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://test") as api:
            async def ask(query: str) -> dict[str, object]:
                return dict((await api.post("/graphql", json={"query": query})).json())

            assert "errors" not in await ask(QUERY)
            os.kill(server.pid, signal.SIGSTOP)
            try:
                started = time.monotonic()
                health = await asyncio.wait_for(api.get("/healthz"), 8)
                assert health.status_code == 503 and health.json()["checks"]["redis"]["status"] == "error"
                body = await asyncio.wait_for(ask(QUERY), 8)  # trending from the graph
                assert "errors" not in body and isinstance(body["data"]["trending"], list), body  # type: ignore[index]
                refused = await asyncio.wait_for(ask(LOGIN), 8)  # no lockout counter: no sign-in
                assert refused["errors"][0]["message"] == "Redis is not answering; try again shortly"  # type: ignore[index]
                assert refused["errors"][0]["extensions"]["code"] == "ServiceUnavailable"  # type: ignore[index]
                assert time.monotonic() - started < 15
            finally:
                os.kill(server.pid, signal.SIGCONT)
            # answers again: no restart
            for _ in range(50):
                if (await api.get("/healthz")).status_code == 200:
                    break
                await asyncio.sleep(0.1)
            assert (await api.get("/healthz")).status_code == 200
            wrong = await ask(LOGIN)
            assert "Redis" not in wrong["errors"][0]["message"]  # type: ignore[index]
