"""The user–title bipartite graph out of Neo4j: one streaming Cypher pass (read only)."""

from __future__ import annotations

from neo4j import AsyncDriver
from tqdm import tqdm

import cypher

from .config import ExportConfig
from .data import Interactions, Row

# one row of cypher/gnn/export_interactions: profile, media, kind, rating, at (epoch seconds)
Edge = tuple[str, str, str, int | None, float | None]


def weigh(kind: str, rating: int | None, cfg: ExportConfig) -> float | None:
    """The weight one edge gives its pair; 0 is a veto (a rating below the threshold)."""
    if kind == "RATED":
        return cfg.rated_weight if rating is not None and rating >= cfg.rating_threshold else 0.0
    if kind == "WATCHED":
        return cfg.watched_weight
    if kind == "LISTED":
        return cfg.listed_weight
    return None


def combine(edges: list[Edge], cfg: ExportConfig) -> list[Row]:
    """Pairs from raw edges: the largest weight wins, a veto removes the pair."""
    best: dict[tuple[str, str], tuple[float, float | None]] = {}
    vetoed: set[tuple[str, str]] = set()
    for profile, media, kind, rating, at in edges:
        w = weigh(kind, rating, cfg)
        if w is None:
            continue
        key = (profile, media)
        if w == 0.0:
            vetoed.add(key)
            continue
        old = best.get(key)
        latest = at if old is None or old[1] is None or (at is not None and at > old[1]) else old[1]
        best[key] = (max(w, old[0]) if old else w, latest)
    return [(p, m, w, t) for (p, m), (w, t) in best.items() if (p, m) not in vetoed and w > 0]


async def export_interactions(driver: AsyncDriver, cfg: ExportConfig,
                              progress: bool = True) -> Interactions:
    edges: list[Edge] = []
    # A session rather than cypher.read, which holds the whole result: the export streams
    # its rows as the server produces them.
    async with driver.session(default_access_mode="READ") as session:
        result = await session.run(cypher.load("gnn/export_interactions"))
        with tqdm(desc="export", unit=" edges", disable=not progress, leave=False) as bar:
            async for r in result:
                edges.append((r["profile"], r["media"], r["kind"], r["rating"], r["at"]))
                bar.update()
    return Interactions.from_rows(combine(edges, cfg))
