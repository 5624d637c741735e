"""Where the tests find Neo4j and Redis.

1. NEO4J_URI (+ NEO4J_USER / NEO4J_PASSWORD) and REDIS_URL, when both are set;
2. otherwise testcontainers, when a Docker engine answers;
3. otherwise the project's own local services (services/manage.py), started in a
   separate state folder and on separate ports, so tests never touch the data of
   the platform you run with scripts/run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MANAGE = ROOT / "services" / "manage.py"


@dataclass
class Endpoints:
    neo4j_uri: str
    neo4j_user: str
    neo4j_password: str
    redis_url: str
    mode: str  # "env", "testcontainers" or "local"
    local_env: dict[str, str] | None = None  # how to call services/manage.py in local mode


def local_env() -> dict[str, str]:
    return {
        **os.environ,
        "REELGRAPH_STATE": os.environ.get("REELGRAPH_TEST_STATE", str(ROOT / ".state" / "test")),
        "REELGRAPH_NEO4J_PORT": os.environ.get("REELGRAPH_TEST_NEO4J_PORT", "17687"),
        "REELGRAPH_REDIS_PORT": os.environ.get("REELGRAPH_TEST_REDIS_PORT", "16379"),
        "REELGRAPH_NEO4J_HEAP": "1g",
        "REELGRAPH_NEO4J_PAGECACHE": "512m",
    }


def manage(command: str, env: dict[str, str]) -> str:
    done = subprocess.run([sys.executable, str(MANAGE), command], env=env, check=True,
                          stdout=subprocess.PIPE, text=True)
    return done.stdout


def docker_answers() -> bool:
    if not shutil.which("docker"):
        return False
    try:
        return subprocess.run(["docker", "info"], capture_output=True, timeout=5).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


@contextmanager
def endpoints() -> Iterator[Endpoints]:
    if os.environ.get("NEO4J_URI") and os.environ.get("REDIS_URL"):
        yield Endpoints(os.environ["NEO4J_URI"], os.environ.get("NEO4J_USER", "neo4j"),
                        os.environ.get("NEO4J_PASSWORD", ""), os.environ["REDIS_URL"], "env")
    elif docker_answers():
        from testcontainers.neo4j import Neo4jContainer
        from testcontainers.redis import RedisContainer

        with Neo4jContainer("neo4j:5.26-community") as neo, RedisContainer("redis:7") as red:
            host, port = red.get_container_host_ip(), red.get_exposed_port(6379)
            yield Endpoints(neo.get_connection_url(), neo.username, neo.password,
                            f"redis://{host}:{port}/0", "testcontainers")
    else:
        env = local_env()
        manage("up", env)
        values = dict(
            line.removeprefix("export ").split("=", 1) for line in manage("env", env).splitlines()
        )
        try:
            yield Endpoints(values["NEO4J_URI"], values["NEO4J_USER"], values["NEO4J_PASSWORD"],
                            values["REDIS_URL"], "local", env)
        finally:
            if not os.environ.get("REELGRAPH_KEEP_SERVICES"):
                manage("down", env)
