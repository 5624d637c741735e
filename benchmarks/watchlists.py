"""p50 / p95 of `list(id)` with 500 items and of the library view with 2,000 titles,
through GraphQL, with the Cypher round trips each request makes.

    .venv/bin/python benchmarks/watchlists.py [--runs 50]

Uses the throw-away services of benchmarks/ (.state/bench, ports 27687 / 26379),
importing MovieLens there first when the graph is empty.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
from neo4j import AsyncDriver  # noqa: E402

from app.accounts import repository as accounts  # noqa: E402
from app.accounts.tokens import AccessClaims  # noqa: E402
from app.activity import repository as activity  # noqa: E402
from app.lists import repository as lists  # noqa: E402
from app.main import create_app  # noqa: E402
from app.settings import AuthSettings, Neo4jSettings, RedisSettings, Settings  # noqa: E402
from benchmarks.import_movielens import manage  # noqa: E402
from ingest.graph_load import has_catalog  # noqa: E402
from ingest.movielens import pipeline  # noqa: E402

QUERY = """query($id: ID!, $after: String) { list(id: $id) { name itemCount
  items(first: 100, after: $after) { hasNextPage endCursor
    edges { node { note position media { id title year genres { name } } } } } } }"""

LIBRARY = """query($after: String, $f: LibraryFilterInput) { library(filter: $f, first: 50, after: $after) {
  hasNextPage endCursor edges { node { myRating watchCount formats media { id title year genres { name } } } } } }"""

calls = 0
_original = AsyncDriver.execute_query


async def counting(self: AsyncDriver, *args: object, **kwargs: object) -> object:
    global calls
    calls += 1
    return await _original(self, *args, **kwargs)  # type: ignore[arg-type]


async def main(runs: int) -> None:
    manage("up")
    env = dict(line.removeprefix("export ").split("=", 1) for line in manage("env").splitlines())
    settings = Settings(env="test", state_dir=tempfile.mkdtemp(),
                        neo4j=Neo4jSettings(uri=env["NEO4J_URI"], password=env["NEO4J_PASSWORD"]),
                        redis=RedisSettings(url=env["REDIS_URL"]), auth=AuthSettings())
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        driver = app.state.driver
        if not await has_catalog(driver):
            await pipeline.run(driver, progress=True)
        user, profile = await accounts.create_user(driver, f"bench-{uuid.uuid4().hex[:8]}@example.com",
                                                   None, "Bench", email_verified=True)
        row = await lists.create_list(driver, user["uid"], profile, name="Five hundred",
                                      description=None, icon=None, visibility="private")
        records, _, _ = await driver.execute_query(
            "MATCH (m:Media) WHERE m.movielens_id IS NOT NULL RETURN m.uid AS id ORDER BY m.movielens_id LIMIT 500")
        for r in records:
            await lists.add_item(driver, user["uid"], profile, row["uid"], r["id"], None)
        records, _, _ = await driver.execute_query(
            "MATCH (m:Media) WHERE m.movielens_id IS NOT NULL RETURN m.uid AS id ORDER BY m.movielens_id LIMIT 2000")
        for r in records:
            await activity.watch(driver, user["uid"], profile, r["id"], "2020-01-01T00:00:00+00:00")
        token = app.state.auth.issuer.issue(AccessClaims(user["uid"], None, profile, ("*",)))
        AsyncDriver.execute_query = counting  # type: ignore[method-assign]
        page_times, list_times, trips = [], [], []
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench",
                                     headers={"Authorization": f"Bearer {token}"}) as client:
            for i in range(runs + 3):
                after, started, items = None, time.perf_counter(), 0
                while True:
                    global calls
                    calls, t0 = 0, time.perf_counter()
                    body = (await client.post("/graphql", json={"query": QUERY, "variables": {
                        "id": row["uid"], "after": after}})).json()
                    if i >= 3:  # warm-up runs are not counted
                        page_times.append(time.perf_counter() - t0)
                        trips.append(calls)
                    page = body["data"]["list"]["items"]
                    items += len(page["edges"])
                    if not page["hasNextPage"]:
                        break
                    after = page["endCursor"]
                if i >= 3:
                    list_times.append(time.perf_counter() - started)
                assert items == 500, items
            lib_times, lib_trips = [], []
            for i in range(runs + 3):
                for f in (None, {"genres": ["Drama"], "yearFrom": 1990}):
                    calls, t0 = 0, time.perf_counter()
                    body = (await client.post("/graphql", json={"query": LIBRARY, "variables": {"f": f}})).json()
                    assert len(body["data"]["library"]["edges"]) == 50, body
                    if i >= 3:
                        lib_times.append(time.perf_counter() - t0)
                        lib_trips.append(calls)

    def pct(xs: list[float], q: float) -> float:
        return statistics.quantiles(xs, n=100)[q - 1] * 1000 if len(xs) > 1 else xs[0] * 1000

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores; {runs} runs")
    print(f"list(id), page of 100 items: p50 {pct(page_times, 50):.1f} ms, p95 {pct(page_times, 95):.1f} ms; "
          f"Cypher round trips per page: {min(trips)}-{max(trips)}")
    print(f"list(id), all 500 items (5 pages): p50 {pct(list_times, 50):.1f} ms, p95 {pct(list_times, 95):.1f} ms")
    print(f"library of 2,000 titles, page of 50 (unfiltered and genre+year filtered): "
          f"p50 {pct(lib_times, 50):.1f} ms, p95 {pct(lib_times, 95):.1f} ms; "
          f"Cypher round trips per page: {min(lib_trips)}-{max(lib_trips)}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=50)
    asyncio.run(main(parser.parse_args().runs))
