"""The local services keep their data across a stop and a start."""

import uuid

import pytest
from neo4j import AsyncGraphDatabase
from redis.asyncio import Redis

from .services import Endpoints, manage


async def test_restart_keeps_neo4j_and_redis_data(services: Endpoints) -> None:
    if services.mode != "local" or services.local_env is None:
        pytest.skip("services are not managed by this test run (NEO4J_URI or testcontainers)")
    marker = uuid.uuid4().hex
    auth = (services.neo4j_user, services.neo4j_password)
    async with AsyncGraphDatabase.driver(services.neo4j_uri, auth=auth) as d:
        await d.execute_query("CREATE (:RestartProbe {marker: $m})", m=marker)
    r = Redis.from_url(services.redis_url)
    await r.set(f"restart-probe:{marker}", "kept")
    await r.aclose()

    manage("down", services.local_env)
    status = manage_status(services)
    assert status.count(" down ") == 2, status
    manage("up", services.local_env)
    manage("up", services.local_env)  # a second up reuses what runs

    async with AsyncGraphDatabase.driver(services.neo4j_uri, auth=auth) as d:
        records, _, _ = await d.execute_query(
            "MATCH (p:RestartProbe {marker: $m}) WITH p, count(*) AS n DELETE p RETURN n", m=marker)
        assert records[0]["n"] == 1
    r = Redis.from_url(services.redis_url, decode_responses=True)
    assert await r.get(f"restart-probe:{marker}") == "kept"
    await r.delete(f"restart-probe:{marker}")
    await r.aclose()


def manage_status(services: Endpoints) -> str:
    import subprocess
    import sys

    from .services import MANAGE

    assert services.local_env is not None
    return subprocess.run([sys.executable, str(MANAGE), "status"], env=services.local_env,
                          capture_output=True, text=True).stdout
