from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator

import httpx
import pytest
from aiosmtpd.controller import Controller
from arq.connections import RedisSettings as ArqRedisSettings
from arq.worker import Worker
from fastapi import FastAPI
from neo4j import AsyncDriver
from redis.asyncio import Redis

from app.main import create_app
from app.settings import ApiSettings, AuthSettings, MailSettings, Neo4jSettings, RedisSettings, Settings
from graph_model.db import connect, migrate
from ingest.movielens import pipeline as movielens
from ingest.report import ImportReport
from workers.main import WorkerSettings

from .mailbox import Mailbox
from .services import Endpoints, endpoints


@pytest.fixture(scope="session")
def services() -> Iterator[Endpoints]:
    with endpoints() as ep:
        yield ep


@pytest.fixture(scope="session")
def smtp() -> Iterator[Mailbox]:
    """A real SMTP server on loopback; the app talks SMTP to it."""
    box = Mailbox()
    box.port = free_port()  # aiosmtpd cannot start on port 0
    controller = Controller(box, hostname="127.0.0.1", port=box.port)
    controller.start()
    yield box
    controller.stop()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


OIDC_CLIENT = ("reelgraph-test", "test-client-secret-123")


@pytest.fixture(scope="session")
def oidc_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def settings(services: Endpoints, smtp: Mailbox, tmp_path_factory: pytest.TempPathFactory,
             oidc_port: int) -> Settings:
    return Settings(
        env="test",
        state_dir=str(tmp_path_factory.mktemp("state")),
        neo4j=Neo4jSettings(uri=services.neo4j_uri, user=services.neo4j_user,
                            password=services.neo4j_password),
        redis=RedisSettings(url=services.redis_url),
        api=ApiSettings(),
        # every test request comes from one address: the per-IP limit is tested on its own
        auth=AuthSettings(public_url="https://reelgraph.test", login_max_failures_per_ip=100_000,
                          oidc_providers=json.dumps([{
            "name": "test", "issuer": f"http://127.0.0.1:{oidc_port}",
            "client_id": OIDC_CLIENT[0], "client_secret": OIDC_CLIENT[1]}])),
        mail=MailSettings(host="127.0.0.1", port=smtp.port, starttls=False),
    )


@pytest.fixture(scope="session")
async def driver(settings: Settings) -> AsyncIterator[AsyncDriver]:
    n = settings.neo4j
    d = await connect(n.uri, n.user, n.password)
    await migrate(d)
    yield d
    await d.close()


@pytest.fixture(scope="session")
async def redis(settings: Settings) -> AsyncIterator[Redis]:
    r = Redis.from_url(settings.redis.url, decode_responses=True)
    yield r
    await r.aclose()


@pytest.fixture(scope="session")
async def movielens_catalog(driver: AsyncDriver) -> ImportReport:
    """The demo catalog, imported once per test session (a re-import only merges)."""
    return await movielens.run(driver, progress=bool(os.environ.get("REELGRAPH_TEST_PROGRESS")))


@pytest.fixture(scope="session")
async def app(settings: Settings, movielens_catalog: object) -> AsyncIterator[FastAPI]:
    application = create_app(settings)
    async with application.router.lifespan_context(application):
        yield application


@pytest.fixture(scope="session")
async def api(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    # https, so that Secure cookies travel like in a browser
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="https://test") as client:
        yield client


@pytest.fixture(autouse=True)
def fresh_cookies(request: pytest.FixtureRequest) -> Iterator[None]:
    """Tests share one client: cookies one test earned must not sign in the next."""
    yield
    if "api" in request.fixturenames:
        request.getfixturevalue("api").cookies.clear()


@pytest.fixture
async def run_jobs(app: FastAPI, settings: Settings) -> Callable[[], Awaitable[None]]:
    """Runs the queued jobs in a real arq worker (burst mode), with the app's services."""
    async def run() -> None:
        async def startup(ctx: dict) -> None:
            ctx["auth"] = app.state.auth
            ctx["driver"] = app.state.driver
            ctx["redis_client"] = app.state.redis
            ctx["search"] = app.state.search
        worker = Worker(functions=WorkerSettings.functions, on_startup=startup, burst=True,
                        redis_settings=ArqRedisSettings.from_dsn(settings.redis.url),
                        handle_signals=False, poll_delay=0.05)
        await worker.async_run()
        await worker.close()
    return run


@pytest.fixture
def run_training(settings: Settings) -> Callable[..., Awaitable[None]]:
    """Runs the queued retrain jobs in the real trainer worker, a process of its own (the
    only one that imports torch, as deployed), against the tests' Neo4j, Redis and state
    folder. Keyword arguments become GNN_* settings of that process."""
    async def run(**gnn: object) -> None:
        env = {**os.environ, "REELGRAPH_ENV": "test", "REELGRAPH_STATE": settings.state_dir,
               "NEO4J_URI": settings.neo4j.uri, "NEO4J_USER": settings.neo4j.user,
               "NEO4J_PASSWORD": settings.neo4j.password, "REDIS_URL": settings.redis.url,
               **{f"GNN_{k.upper()}": str(v) for k, v in gnn.items()}}
        done = await asyncio.to_thread(
            subprocess.run, [sys.executable, "-m", "arq", "--burst", "workers.trainer.TrainerSettings"],
            env=env, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stdout + done.stderr
    return run
