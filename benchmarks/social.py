"""Social graph: friendActivity and compareWith p50 / p95 on MovieLens with a demo social
graph, and live delivery to 200 WebSocket subscribers (graphql-transport-ws, 2 uvicorn
workers, Redis pub/sub) at 10 events/s and faster until p95 passes 1 s.

    .venv/bin/python -u benchmarks/social.py [--runs 200] [--seconds 15]

Uses the throw-away services of benchmarks/ (.state/bench, ports 27687 / 26379), with
MovieLens imported. The demo social graph is SYNTHETIC: each MovieLens account follows 15
others drawn at random (seed 7), 60% of follows are returned, and main profiles are made
public (60%), friends-only (30%) or private (10%); those follows carry `synthetic: true`.
Each account's 20 latest ratings become feed entries through the feed's own write path.
The live test adds one public actor and 200 viewers following it ("bench:live:*").
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
import websockets  # noqa: E402
from neo4j import AsyncDriver  # noqa: E402

from app import events  # noqa: E402
from app.accounts import api_tokens  # noqa: E402
from app.main import create_app  # noqa: E402
from app.settings import AuthSettings, Neo4jSettings, RedisSettings, Settings  # noqa: E402
from app.social import repository as social  # noqa: E402
from benchmarks.import_movielens import ENV, manage  # noqa: E402
from graph_model.db import migrate  # noqa: E402
from ingest.graph_load import has_catalog  # noqa: E402
from ingest.movielens import pipeline  # noqa: E402

FOLLOWS = """
UNWIND $rows AS row
MATCH (a:User {external_key: row.a}), (b:User {external_key: row.b})
MERGE (a)-[f:FOLLOWS]->(b) ON CREATE SET f.created_at = datetime(), f.synthetic = true
"""
PRIVACY = """
UNWIND $rows AS row
MATCH (:User {external_key: row.user})-[:HAS_PROFILE]->(p:Profile {is_primary: true})
SET p.privacy = row.privacy
"""
LATEST = """
MATCH (u:User {external_key: $user})-[:HAS_PROFILE]->(p:Profile {is_primary: true})-[r:RATED]->(m:Media)
RETURN p.uid AS profile, m.uid AS media, r.rating AS rating, toString(r.rated_at) AS at
ORDER BY r.rated_at DESC LIMIT 20
"""
LIVE_ACCOUNTS = """
UNWIND $keys AS key
MERGE (u:User {external_key: key})
  ON CREATE SET u.uid = randomUUID(), u.email = key + '@bench.invalid', u.created_at = datetime()
MERGE (u)-[:HAS_PROFILE]->(p:Profile {is_primary: true})
  ON CREATE SET p.uid = randomUUID(), p.name = key, p.privacy = 'public', p.created_at = datetime()
RETURN u.uid AS user, p.uid AS profile, key
"""
FEED = "query { friendActivity(first: 20) { edges { node { kind actor { name } media { title } at } } } }"
COMPARE = """query($u: ID!) { compareWith(userId: $u) { coRated correlation compatibility
  topAgreements { media { title } } lovedUnseen { title } genres { genre mine theirs } } }"""
ACTIVITY = "subscription { activity { kind title at } }"


def pct(xs: list[float], q: int) -> float:
    return statistics.quantiles(xs, n=100)[q - 1] * 1000


async def demo_social_graph(driver: AsyncDriver) -> list[str]:
    records, _, _ = await driver.execute_query(
        "MATCH (u:User) WHERE u.external_key STARTS WITH 'movielens:' RETURN u.external_key AS k ORDER BY k")
    users = [r["k"] for r in records]
    done, _, _ = await driver.execute_query("MATCH ()-[f:FOLLOWS {synthetic: true}]->() RETURN count(f) AS n")
    if done[0]["n"]:
        return users
    rnd = random.Random(7)
    rows = []
    for a in users:
        for b in rnd.sample([u for u in users if u != a], 15):
            rows.append({"a": a, "b": b})
            if rnd.random() < 0.6:
                rows.append({"a": b, "b": a})
    await driver.execute_query(FOLLOWS, {"rows": rows})
    privacy = [{"user": u, "privacy": rnd.choices(["public", "friends", "private"], [6, 3, 1])[0]} for u in users]
    await driver.execute_query(PRIVACY, {"rows": privacy})
    print(f"demo social graph (synthetic): {len(rows)} follows among {len(users)} accounts; feed entries...",
          flush=True)
    gate = asyncio.Semaphore(8)

    async def entries(user: str) -> None:
        async with gate:
            latest, _, _ = await driver.execute_query(LATEST, {"user": user})
            for n, r in enumerate(latest):
                await social.record_activity(driver, profile=r["profile"], kind="RATED", target=r["media"],
                                             media=r["media"], at=r["at"], rating=r["rating"], list=None,
                                             review=None, event=f"bench-{user}-{n}", window_hours=6)
    await asyncio.gather(*(entries(u) for u in users))
    return users


async def api_latency(app: Any, users: list[str], runs: int) -> None:
    driver: AsyncDriver = app.state.driver
    rnd = random.Random(11)
    viewers = []
    for key in rnd.sample(users, 40):
        records, _, _ = await driver.execute_query(
            "MATCH (u:User {external_key: $k})-[:HAS_PROFILE]->(p:Profile {is_primary: true}) "
            "OPTIONAL MATCH (u)-[:FOLLOWS]->(f:User)-[:FOLLOWS]->(u) "
            "MATCH (f)-[:HAS_PROFILE]->(fp:Profile {is_primary: true}) WHERE fp.privacy <> 'private' "
            "RETURN u.uid AS user, p.uid AS profile, collect(f.uid)[0] AS friend", {"k": key})
        if records and records[0]["friend"]:
            r = records[0]
            token, _ = await api_tokens.create(app.state.auth, r["user"], r["profile"], f"bench {time.time()}",
                                               ["read"])
            viewers.append((token, r["friend"]))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bench") as client:
        for label, query in (("friendActivity(first: 20)", FEED), ("compareWith", COMPARE)):
            times, sizes = [], []
            for i in range(runs + 20):
                token, friend = viewers[i % len(viewers)]
                t0 = time.perf_counter()
                response = await client.post("/graphql", json={"query": query, "variables": {"u": friend}},
                                             headers={"authorization": f"Bearer {token}"})
                elapsed = time.perf_counter() - t0
                body = response.json()
                assert "errors" not in body, body
                if i >= 20:
                    times.append(elapsed)
                    data = body["data"]
                    sizes.append(len(data["friendActivity"]["edges"]) if "friendActivity" in data
                                 else data["compareWith"]["coRated"])
            what = "entries" if "Activity" in label else "co-rated titles"
            print(f"{label:<28} p50 {pct(times, 50):6.1f} ms  p95 {pct(times, 95):6.1f} ms  "
                  f"({runs} requests, {len(viewers)} viewers, mean {statistics.mean(sizes):.0f} {what})", flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def live(settings: Settings, driver: AsyncDriver, redis_url: str, env: dict[str, str], seconds: float) -> None:
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        records, _, _ = await driver.execute_query(
            LIVE_ACCOUNTS, {"keys": ["bench:live:actor", *(f"bench:live:viewer:{n}" for n in range(200))]})
        actor = next(r for r in records if r["key"] == "bench:live:actor")
        viewers = [r for r in records if r["key"] != "bench:live:actor"]
        await driver.execute_query(FOLLOWS, {"rows": [{"a": v["key"], "b": "bench:live:actor"} for v in viewers]})
        tokens = [(await api_tokens.create(app.state.auth, v["user"], v["profile"], f"live {time.time()}",
                                           ["read"]))[0] for v in viewers]
        titles, _, _ = await driver.execute_query("MATCH (m:Media) WHERE m.movielens_id IS NOT NULL "
                                                  "RETURN m.uid AS uid LIMIT 500")
        media = [r["uid"] for r in titles]
    port = free_port()
    server_env = {**os.environ, **env, "REELGRAPH_STATE": settings.state_dir, "REELGRAPH_ENV": "test",
                  "REELGRAPH_LOG_LEVEL": "WARNING", "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen([sys.executable, "-m", "uvicorn", "app.main:create_app", "--factory", "--host",
                               "127.0.0.1", "--port", str(port), "--workers", "2", "--log-level", "warning",
                               "--ws-max-size", "65536"], env=server_env, cwd=ROOT)
    try:
        for _ in range(200):
            try:
                httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1)
                break
            except httpx.HTTPError:
                await asyncio.sleep(0.2)
        from redis.asyncio import Redis
        redis = Redis.from_url(redis_url, decode_responses=True)
        latencies: list[float] = []

        async def client(token: str, ready: asyncio.Event) -> None:
            async with websockets.connect(f"ws://127.0.0.1:{port}/graphql", max_queue=None,
                                          subprotocols=[websockets.Subprotocol("graphql-transport-ws")]) as ws:
                await ws.send(json.dumps({"type": "connection_init", "payload": {"authorization": f"Bearer {token}"}}))
                await ws.recv()
                await ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": ACTIVITY}}))
                ready.set()
                async for raw in ws:
                    message = json.loads(raw)
                    if message.get("type") == "next":
                        at = datetime.fromisoformat(message["payload"]["data"]["activity"]["at"]).timestamp()
                        latencies.append(time.time() - at)

        readies = [asyncio.Event() for _ in tokens]
        clients = [asyncio.create_task(client(t, e)) for t, e in zip(tokens, readies)]
        await asyncio.wait_for(asyncio.gather(*(e.wait() for e in readies)), 120)
        await asyncio.sleep(3)  # subscriptions registered with each worker's hub
        print(f"\nlive: 200 subscribers on 2 uvicorn workers, {seconds:.0f} s per rate", flush=True)
        rate = 10
        while True:
            latencies.clear()
            started = time.monotonic()
            sent = 0
            while time.monotonic() - started < seconds:
                await events.publish(redis, "media.rated", profile=actor["profile"],
                                     media=media[sent % len(media)], rating=8)
                sent += 1
                await asyncio.sleep(max(0.0, started + sent / rate - time.monotonic()))
            await asyncio.sleep(2)
            expected = sent * len(tokens)
            p95 = pct(latencies, 95) if len(latencies) > 20 else float("inf")
            print(f"  {rate:4d} events/s ({rate * len(tokens):6d} deliveries/s): p50 {pct(latencies, 50):7.1f} ms  "
                  f"p95 {p95:7.1f} ms  delivered {len(latencies)}/{expected}", flush=True)
            if p95 > 1000 or len(latencies) < expected * 0.95 or rate >= 160:
                break
            rate *= 2
        for task in clients:
            task.cancel()
        await redis.aclose()
    finally:
        server.terminate()
        server.wait(timeout=30)


async def main(runs: int, seconds: float) -> None:
    manage("up")
    env = dict(line.removeprefix("export ").split("=", 1) for line in manage("env").splitlines())
    settings = Settings(env="test", state_dir=str(Path(ENV["REELGRAPH_STATE"]) / "app"),
                        neo4j=Neo4jSettings(uri=env["NEO4J_URI"], password=env["NEO4J_PASSWORD"]),
                        redis=RedisSettings(url=env["REDIS_URL"]), auth=AuthSettings())
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        driver: AsyncDriver = app.state.driver
        await migrate(driver)
        if not await has_catalog(driver):
            await pipeline.run(driver, progress=True)
        users = await demo_social_graph(driver)
        await api_latency(app, users, runs)
        await live(settings, driver, env["REDIS_URL"], env, seconds)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=15)
    a = parser.parse_args()
    tempfile.tempdir = None
    asyncio.run(main(a.runs, a.seconds))
