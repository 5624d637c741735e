"""Times the full MovieLens import into an empty Neo4j and prints nodes/s and relationships/s.

    .venv/bin/python benchmarks/import_movielens.py [--keep]

Starts a throw-away Neo4j + Redis in .state/bench (ports 27687 / 26379) so the
graph starts empty and your platform's data is untouched; --keep leaves it running.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph_model.db import connect, migrate  # noqa: E402
from ingest.graph_load import graph_counts  # noqa: E402
from ingest.movielens import pipeline  # noqa: E402

ENV = {**os.environ, "REELGRAPH_STATE": str(ROOT / ".state" / "bench"),
       "REELGRAPH_NEO4J_PORT": "27687", "REELGRAPH_REDIS_PORT": "26379"}


def manage(cmd: str) -> str:
    return subprocess.run([sys.executable, str(ROOT / "services" / "manage.py"), cmd], env=ENV,
                          check=True, stdout=subprocess.PIPE, text=True).stdout


def totals(counts: dict[str, int]) -> tuple[int, int]:
    nodes = sum(n for k, n in counts.items() if k.startswith("node:") and k != "node:TVShow")
    rels = sum(n for k, n in counts.items() if k.startswith("rel:"))
    return nodes, rels


async def main(keep: bool) -> None:
    manage("down")
    shutil.rmtree(ENV["REELGRAPH_STATE"], ignore_errors=True)
    manage("up")
    env = dict(line.removeprefix("export ").split("=", 1) for line in manage("env").splitlines())
    driver = await connect(env["NEO4J_URI"], env["NEO4J_USER"], env["NEO4J_PASSWORD"])
    try:
        await migrate(driver)
        started = time.perf_counter()
        await pipeline.run(driver, progress=True)
        first = time.perf_counter() - started
        nodes, rels = totals(await graph_counts(driver))
        started = time.perf_counter()
        await pipeline.run(driver, progress=False)
        second = time.perf_counter() - started
        assert totals(await graph_counts(driver)) == (nodes, rels), "re-import changed counts"
    finally:
        await driver.close()
        if not keep:
            manage("down")
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores")
    print(f"MovieLens import into empty graph: {first:.1f} s "
          f"({nodes} nodes, {rels} relationships)")
    print(f"  nodes/s: {nodes / first:,.0f}   relationships/s: {rels / first:,.0f}")
    print(f"idempotent re-import (no count changes): {second:.1f} s")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--keep", action="store_true", help="leave the bench services running")
    asyncio.run(main(parser.parse_args().keep))
