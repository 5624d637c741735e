"""Recommendations from the current LightGCN version, read from Neo4j (no torch here).

A profile in the version's training data is scored with its own embedding. Any other
profile is folded in: its vector is the weighted mean of the embeddings of the titles it
liked, watched or listed. A profile with none of those gets the most watched titles.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
from neo4j import AsyncDriver

from app.accounts import service as accounts
from app.accounts.runtime import AuthRuntime
from app.errors import Forbidden, InvalidInput
from app.kit.checks import check_between, check_id, check_values
from app.kit.principal import Principal
from app.profiles import service as profiles
from workers import enqueue

from . import repository
from .repository import ModelRow, ScoredRow, SeenTitle, SimilarRow

if TYPE_CHECKING:
    from app.catalog.rows import LoadMedia

COLLABORATIVE, TRENDING = "COLLABORATIVE", "TRENDING"
# Training runs in its own worker (workers.trainer), the only process with torch, on its
# own queue: the API and the other worker never import it.
FOLD_IN_TITLES = 500  # the newest ones; enough to place a profile, bounded in cost
REASON_TITLES = 200
MIN_BEAM = 200
MAX_EXCLUDED = 500


@dataclass(frozen=True)
class Scored:
    uid: str
    score: float
    reason: str
    source: str


@dataclass(frozen=True)
class Request:
    profile: str
    limit: int
    exclude: tuple[str, ...] = ()
    genres: tuple[str, ...] | None = None
    type: str | None = None
    max_level: int | None = None


def positives(seen: list[SeenTitle], model: ModelRow) -> list[tuple[SeenTitle, float]]:
    """Titles with their weight, by the rules the model was trained with (gnn.export.weigh):
    a rating below the threshold vetoes the title, otherwise the largest weight counts."""
    weights: dict[str, float] = {}
    first: dict[str, SeenTitle] = {}
    vetoed: set[str] = set()
    for t in seen:
        uid = t["uid"]
        first.setdefault(uid, t)
        if t["kind"] == "RATED":
            rating = t["rating"]
            if rating is None or rating < model["rating_threshold"]:
                vetoed.add(uid)
                continue
            w = 1.0
        elif t["kind"] == "WATCHED":
            w = model["watched_weight"]
        else:
            w = model["listed_weight"]
        weights[uid] = max(weights.get(uid, 0.0), w)
    return [(first[uid], w) for uid, w in weights.items() if uid not in vetoed and w > 0]


def fold_in(liked: list[tuple[SeenTitle, float]]) -> np.ndarray | None:
    rows = [(np.asarray(t["embedding"], np.float32), w) for t, w in liked[:FOLD_IN_TITLES]
            if t.get("embedding") is not None]
    if not rows:
        return None
    vectors = np.stack([v for v, _ in rows])  # (n, dim)
    weights = np.array([w for _, w in rows], np.float32)  # (n,)
    return np.asarray((weights @ vectors) / weights.sum(), np.float32)


def inner_product(score: float, query_norm2: float, max_norm: float) -> float:
    """Neo4j's euclidean similarity is 1 / (1 + d²); with d² = |u|² + M² - 2 u·v (gnn.publish)."""
    d2 = 1.0 / max(score, 1e-12) - 1.0
    return (query_norm2 + max_norm**2 - d2) / 2.0


def reason_for(embedding: list[float] | None, anchors: list[SeenTitle],
               anchor_vectors: np.ndarray | None) -> str:
    """Named after the liked title closest (by cosine) to the recommended one."""
    if embedding is None or anchor_vectors is None:
        return "People with tastes like yours enjoyed it"
    v = np.asarray(embedding, np.float32)
    sims = anchor_vectors @ v / (np.linalg.norm(anchor_vectors, axis=1) * np.linalg.norm(v) + 1e-9)
    best = anchors[int(np.argmax(sims))]
    if best["kind"] == "RATED":
        return f"Because you rated {best['title']} {best['rating']}/10"
    if best["kind"] == "WATCHED":
        return f"Because you watched {best['title']}"
    return f"Because {best['title']} is on your list"


async def recommend(driver: AsyncDriver, req: Request) -> tuple[list[Scored], str | None]:
    """Titles the profile has not rated, watched or listed, best first, and the model version."""
    model = await repository.current_model(driver)
    taste = await repository.profile_taste(driver, req.profile, model["version"] if model else "")
    exclude = sorted({t["uid"] for t in taste["seen"]} | set(req.exclude))
    genres = list(req.genres) if req.genres else None
    if model is not None:
        liked = positives(taste["seen"], model)
        query = taste["embedding"]
        vector = np.asarray(query, np.float32) if query is not None else fold_in(liked)
        if vector is not None:
            picks = await _nearest(driver, req, vector, model, exclude, genres)
            anchors = [t for t, _ in liked[:REASON_TITLES] if t.get("embedding") is not None]
            anchor_vectors = np.asarray([t["embedding"] for t in anchors], np.float32) if anchors else None
            norm2 = float(vector @ vector)
            return [Scored(r["uid"], round(inner_product(r["score"], norm2, model["max_norm"]), 6),
                           reason_for(r["embedding"], anchors, anchor_vectors), COLLABORATIVE)
                    for r in picks], model["version"]
    rows = await repository.popular_titles(driver, req.limit, exclude, req.max_level, req.type, genres)
    top = max((r["viewers"] for r in rows), default=1)
    return [Scored(r["uid"], round(r["viewers"] / top, 6),
                   f"Popular on Reelgraph: {r['viewers']} people watched or rated it", TRENDING)
            for r in rows], model["version"] if model else None


async def _nearest(driver: AsyncDriver, req: Request, vector: np.ndarray, model: ModelRow,
                   exclude: list[str], genres: list[str] | None) -> list[ScoredRow]:
    """The index returns the k nearest before filters apply; widen k until enough pass.
    HNSW search is approximate and k is its beam, so k starts well above the page."""
    query = [*vector.tolist(), 0.0]
    k = max(2 * (req.limit + len(exclude)), MIN_BEAM)
    if genres or req.type or req.max_level is not None:
        k *= 4
    for _ in range(3):
        rows = await repository.score_titles(driver, query, k, req.limit, exclude, req.max_level,
                                             req.type, genres)
        if len(rows) >= req.limit:
            break
        k *= 4
    return rows


async def for_viewer(driver: AsyncDriver, p: Principal, profile_id: str | None, limit: int,
                     exclude_ids: list[str], genres: list[str] | None, type: str | None,
                     max_level: int | None, max_page: int,
                     load: LoadMedia) -> tuple[list[tuple[Scored, dict[str, Any]]], str | None]:
    """Recommendations for the acting profile, or (for a grown-up) another profile of the
    account under that profile's cap; each pick with its title as the viewer's loader has it.
    The model version comes with them."""
    if p.profile is None:
        raise InvalidInput("Choose a profile first", field="input.profileId")
    profile, cap = p.profile, max_level
    if profile_id and profile_id != p.profile:
        acting = await profiles.must_own(driver, p.user, p.profile)
        await profiles.must_own(driver, p.user, profile_id)
        if profiles.restricted(acting):
            raise Forbidden("Only a grown-up profile may see another profile's recommendations")
        profile = profile_id
        cap = await profiles.certification_cap(driver, p.user, profile)
    req = Request(profile=profile, limit=check_between(limit, "input.limit", 1, max_page),
                  exclude=check_values(exclude_ids, "input.excludeIds", 64, MAX_EXCLUDED),
                  genres=check_values(genres, "input.genres", 50) or None, type=type, max_level=cap)
    picks, version = await recommend(driver, req)
    # the capped loader is the last word on what this viewer may see
    media = await load([s.uid for s in picks])
    return [(s, m) for s, m in zip(picks, media) if m is not None], version


async def similar(driver: AsyncDriver, media_id: str, limit: int, max_level: int | None, max_page: int,
                  load: LoadMedia) -> list[tuple[SimilarRow, dict[str, Any]]]:
    """Titles nearest this one, each with its title as the viewer's loader has it."""
    media_id = check_id(media_id, "mediaId")
    limit = check_between(limit, "limit", 1, max_page)
    (source,) = await load([media_id])
    if source is None:  # unknown, or above the viewer's cap: nothing to compare with
        return []
    # as in _nearest: a beam of 5 missed titles with identical raters in testing
    k = max((limit + 1) * (4 if max_level is not None else 1), MIN_BEAM)
    rows = await repository.similar_titles(driver, media_id, k, limit, max_level)
    media = await load([r["uid"] for r in rows])
    return [(r, m) for r, m in zip(rows, media) if m is not None]


async def request_retrain(rt: AuthRuntime, p: Principal) -> bool:
    """Admins: queues a retrain for the trainer worker; False when one is already queued or
    running (arq refuses a second job with the same id)."""
    if not await accounts.is_admin(rt, p.user):
        raise Forbidden("Only an administrator may retrain the recommender")
    return await enqueue.retrain_recommender(rt.jobs) is not None
