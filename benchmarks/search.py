"""Search: indexing throughput and p50 / p95 latency of two-word typo queries with a genre
filter and facet counts, on the MovieLens catalog and on a generated 100,000-title
catalog, at the backend and through GraphQL.

    .venv/bin/python benchmarks/search.py [--runs 300] [--meili-url http://127.0.0.1:7700]

Uses the throw-away services of benchmarks/ (.state/bench, ports 27687 / 26379), importing
MovieLens there first. The generated titles (SYNTHETIC: random words drawn from MovieLens
titles, random genres and years, external_key "bench:<n>") stay in that graph for the next
run; --drop-generated removes them. Without --meili-url the backend is tantivy, in a
temporary folder.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
from neo4j import AsyncDriver  # noqa: E402

from app.main import create_app  # noqa: E402
from app.settings import AuthSettings, MeiliSettings, Neo4jSettings, RedisSettings, Settings  # noqa: E402
from benchmarks.import_movielens import manage  # noqa: E402
from graph_model.db import migrate  # noqa: E402
from ingest.graph_load import has_catalog  # noqa: E402
from ingest.movielens import pipeline  # noqa: E402
from search import SearchBackend, indexer  # noqa: E402
from search.documents import MediaDoc, PersonDoc  # noqa: E402
from search.query import Filters, SearchRequest  # noqa: E402

TARGET = 100_000
# two words, each with a typo, and the genre the title is in
QUERIES = [("shawshenk redemtion", "Drama", "The Shawshank Redemption"),
           ("jurasic park", "Adventure", "Jurassic Park"),
           ("termnator judgement", "Action", "Terminator 2: Judgment Day"),
           ("godfahter part", "Crime", "The Godfather: Part II"),
           ("matrx reloded", "Action", "The Matrix Reloaded"),
           ("empir strkes", "Sci-Fi", "Star Wars: Episode V - The Empire Strikes Back"),
           ("pulp fictoin", "Crime", "Pulp Fiction"), ("forest gump", "Drama", "Forrest Gump"),
           ("toy stroy", "Animation", "Toy Story"), ("silense lambs", "Thriller", "The Silence of the Lambs")]
GRAPHQL = """query($in: SearchInput!) { searchMedia(input: $in) { totalCount
  edges { node { id title year } highlights { field value } }
  facets { genres { value count } types { value count } decades { value count } year { min max } } } }"""
GENERATE = """
UNWIND $rows AS row
MERGE (m:Media {external_key: row.key})
  ON CREATE SET m.uid = randomUUID(), m.type = row.type, m.title = row.title, m.year = row.year,
                m.created_at = datetime()
WITH m, row
UNWIND row.genres AS name
MATCH (g:Genre {name: name})
MERGE (m)-[:IN_GENRE]->(g)
"""


def pct(xs: list[float], q: int) -> float:
    return statistics.quantiles(xs, n=100)[q - 1] * 1000


async def generate(driver: AsyncDriver, missing: int) -> None:
    records, _, _ = await driver.execute_query(
        "MATCH (m:Media) WHERE m.movielens_id IS NOT NULL RETURN m.title AS t")
    vocab = sorted({w for r in records for w in re.findall(r"[A-Za-z]{3,}", r["t"])})
    records, _, _ = await driver.execute_query("MATCH (g:Genre) RETURN g.name AS name")
    genres = sorted(r["name"] for r in records)
    records, _, _ = await driver.execute_query(
        "MATCH (m:Media) WHERE m.external_key STARTS WITH 'bench:' RETURN count(m) AS n")
    start, rnd = int(records[0]["n"]), random.Random(42)
    print(f"generating {missing} synthetic titles into Neo4j")
    for base in range(start, start + missing, 5000):
        rows = [{"key": f"bench:{i}", "type": "tv" if rnd.random() < 0.2 else "movie",
                 "title": " ".join(rnd.choice(vocab) for _ in range(rnd.randint(1, 4))),
                 "year": rnd.randint(1920, 2025), "genres": rnd.sample(genres, rnd.randint(1, 3))}
                for i in range(base, min(base + 5000, start + missing))]
        await driver.execute_query(GENERATE, {"rows": rows})


async def measure(label: str, app: Any, backend: SearchBackend, runs: int) -> None:
    driver: AsyncDriver = app.state.driver
    docs: list[tuple[list[MediaDoc], list[PersonDoc]]] = []

    async def collect() -> Any:
        async for batch in indexer.all_documents(driver):
            docs.append(batch)
            yield batch
    t0 = time.perf_counter()
    total = await backend.rebuild(collect())
    from_neo4j = time.perf_counter() - t0

    async def replay() -> Any:
        for batch in docs:
            yield batch
    t0 = time.perf_counter()
    await backend.rebuild(replay())
    backend_only = time.perf_counter() - t0

    at_backend: list[float] = []
    for i in range(runs + 20):
        text, genre, _ = QUERIES[i % len(QUERIES)]
        request = SearchRequest(text=text, filters=Filters(genres=(genre,)), limit=20)
        t0 = time.perf_counter()
        result = await backend.search(request)
        if i >= 20:
            at_backend.append(time.perf_counter() - t0)
        assert result.facets is not None
    missed = []
    for text, genre, title in QUERIES:  # the title looked for is among the first five
        top = (await backend.search(SearchRequest(text=text, filters=Filters(genres=(genre,)), limit=5))).hits
        if title not in [h.title for h in top]:
            missed.append(f"{text!r}: {[h.title for h in top]}")

    through_api: list[float] = []
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bench") as client:
        for i in range(runs + 20):
            text, genre, _ = QUERIES[i % len(QUERIES)]
            variables = {"in": {"query": text, "filters": {"genres": [genre]}, "first": 20}}
            t0 = time.perf_counter()
            body = (await client.post("/graphql", json={"query": GRAPHQL, "variables": variables})).json()
            if i >= 20:
                through_api.append(time.perf_counter() - t0)
            assert "errors" not in body, body

    print(f"\n{label}: {total:,} documents in {backend.name}")
    print(f"  full reindex from Neo4j: {from_neo4j:.1f} s, {total / from_neo4j:,.0f} docs/s "
          f"(documents built by Cypher and written)")
    print(f"  backend alone (documents in memory): {backend_only:.1f} s, {total / backend_only:,.0f} docs/s")
    print(f"  typo query + genre filter + facets, at the backend: p50 {pct(at_backend, 50):.2f} ms, "
          f"p95 {pct(at_backend, 95):.2f} ms  ({len(QUERIES) - len(missed)}/{len(QUERIES)} queries "
          f"have their title in the first five)")
    for line in missed:
        print(f"    missed {line}")
    print(f"  the same through GraphQL (in-process HTTP, titles loaded from Neo4j): "
          f"p50 {pct(through_api, 50):.2f} ms, p95 {pct(through_api, 95):.2f} ms  ({runs} runs each)")


async def main(runs: int, meili_url: str | None, meili_key: str | None, drop: bool) -> None:
    manage("up")
    env = dict(line.removeprefix("export ").split("=", 1) for line in manage("env").splitlines())
    settings = Settings(env="test", state_dir=tempfile.mkdtemp(),
                        neo4j=Neo4jSettings(uri=env["NEO4J_URI"], password=env["NEO4J_PASSWORD"]),
                        redis=RedisSettings(url=env["REDIS_URL"]), auth=AuthSettings(),
                        meili=MeiliSettings(url=meili_url, master_key=meili_key, index_prefix="bench_"))
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        driver, backend = app.state.driver, app.state.search
        if drop:
            await driver.execute_query("MATCH (m:Media) WHERE m.external_key STARTS WITH 'bench:' "
                                       "CALL (m) { DETACH DELETE m } IN TRANSACTIONS OF 5000 ROWS")
            print("dropped the generated titles")
            return
        await migrate(driver)
        if not await has_catalog(driver):
            await pipeline.run(driver, progress=True)
        print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
        records, _, _ = await driver.execute_query(
            "MATCH (m:Media) RETURN count(m) AS all, count(m.movielens_id) AS ml")
        generated = records[0]["all"] - records[0]["ml"]
        if generated:  # MovieLens alone first: the generated titles leave, then come back
            await driver.execute_query("MATCH (m:Media) WHERE m.external_key STARTS WITH 'bench:' "
                                       "SET m:BenchHidden REMOVE m:Media")
        await measure("MovieLens ml-latest-small", app, backend, runs)
        await driver.execute_query("MATCH (m:BenchHidden) SET m:Media REMOVE m:BenchHidden")
        records, _, _ = await driver.execute_query("MATCH (m:Media) RETURN count(m) AS n")
        if records[0]["n"] < TARGET:
            await generate(driver, TARGET - records[0]["n"])
        await measure("MovieLens + generated titles (synthetic)", app, backend, runs)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--meili-url", default=os.environ.get("MEILI_URL") or None)
    parser.add_argument("--meili-key", default=os.environ.get("MEILI_MASTER_KEY") or None)
    parser.add_argument("--drop-generated", action="store_true")
    a = parser.parse_args()
    asyncio.run(main(a.runs, a.meili_url, a.meili_key, a.drop_generated))
