"""A version's embeddings into Neo4j, where the API reads them (the API never loads torch).

Each title gets a :MediaEmbedding node with two vectors. `embedding` is the LightGCN
embedding, under a cosine index, for similar titles. `mips` appends sqrt(M² - |v|²) (M the largest norm) so that every title
vector has norm M: then, for a query [u, 0], euclidean distance d² = |u|² + M² - 2 u·v, and the
euclidean index's nearest titles are those with the largest inner product u·v, which is the
model's score (Bachrach et al., 2014). The API recovers u·v from the index's 1 / (1 + d²).
"""

from __future__ import annotations

import json
import uuid

import numpy as np
from neo4j import AsyncDriver
from tqdm import tqdm

import cypher

from .config import ExportConfig
from .registry import Version

BATCH = 1000


def mips_vectors(items: np.ndarray) -> tuple[np.ndarray, float]:
    """(n, dim) -> (n, dim + 1) vectors of equal norm M, and M."""
    norms = np.linalg.norm(items, axis=1)
    top = float(norms.max(initial=0.0))
    extra = np.sqrt(np.maximum(top**2 - norms**2, 0.0))
    return np.hstack([items, extra[:, None]]).astype(np.float32), top


async def ensure_indexes(driver: AsyncDriver, dim: int) -> None:
    wanted = {"media_gnn_embedding": dim, "media_gnn_mips": dim + 1}
    for r in await cypher.read(driver, "gnn/vector_indexes"):
        if r["dimensions"] != wanted[r["name"]]:
            await cypher.write(driver, "gnn/drop_vector_index", name=r["name"])
    await cypher.apply(driver, "schema/gnn_vectors", dim=dim, mips_dim=dim + 1)


async def publish(driver: AsyncDriver, version: Version, progress: bool = True) -> dict[str, int]:
    users, items = version.ids()
    user_emb, item_emb = version.embeddings()
    mips, max_norm = mips_vectors(item_emb)
    await ensure_indexes(driver, item_emb.shape[1])
    name, published = version.name, uuid.uuid4().hex
    media_rows = [{"uid": uid, "embedding": item_emb[i].tolist(), "mips": mips[i].tolist()}
                  for i, uid in enumerate(items.keys)]
    profile_rows = [{"uid": uid, "embedding": user_emb[i].tolist()} for i, uid in enumerate(users.keys)]
    with tqdm(total=len(media_rows) + len(profile_rows), desc=f"publish {name}", unit=" nodes",
              disable=not progress, leave=False) as bar:
        for query, rows in (("gnn/write_media_embeddings", media_rows),
                            ("gnn/write_profile_embeddings", profile_rows)):
            for start in range(0, len(rows), BATCH):
                chunk = rows[start:start + BATCH]
                await cypher.write(driver, query, rows=chunk, version=name, published=published)
                bar.update(len(chunk))
    cleared = await cypher.write(driver, "gnn/clear_stale_embeddings", published=published)
    export = ExportConfig(**version.meta.get("config", {}).get("export", {}))
    await cypher.write(
        driver, "gnn/set_current_model", version=name, dim=int(item_emb.shape[1]), max_norm=max_norm,
        metrics=json.dumps(version.metrics), rating_threshold=export.rating_threshold,
        watched_weight=export.watched_weight, listed_weight=export.listed_weight)
    await cypher.write(driver, "gnn/await_indexes")
    return {"media": len(media_rows), "profiles": len(profile_rows),
            "cleared_media": cleared[0]["media"], "cleared_profiles": cleared[0]["profiles"]}
