"""Batch retraining: export → split → train (early stopping) → refit → evaluate → gate →
register → publish. The new version becomes current only if it is not worse than the
current one on the same held-out pairs."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from neo4j import AsyncDriver

from .config import RunConfig
from .data import Interactions
from .evaluate import Scorer, evaluate
from .export import export_interactions
from .publish import publish
from .registry import Registry, Version
from .split import random_split, stable_split
from .train import train

GATE_METRICS = ("recall@20", "ndcg@20")


@dataclass
class Outcome:
    version: str
    promoted: bool
    reason: str
    candidate: dict[str, float] = field(default_factory=dict)
    current: dict[str, float] = field(default_factory=dict)


def version_scorer(version: Version, data: Interactions) -> Scorer:
    """A stored version's scores in `data`'s index space: users and titles it never saw
    score -inf, so a stale model is not credited with what it cannot recommend."""
    users, items = version.ids()
    user_emb, item_emb = version.embeddings()
    u_at = np.array([users.index.get(k, -1) for k in data.users.keys])
    i_at = np.array([items.index.get(k, -1) for k in data.items.keys])
    aligned = np.zeros((data.n_items, item_emb.shape[1]), np.float32)
    aligned[i_at >= 0] = item_emb[i_at[i_at >= 0]]

    def score(chunk: np.ndarray) -> np.ndarray:
        out = np.full((len(chunk), data.n_items), -np.inf, np.float32)
        known = u_at[chunk] >= 0
        out[known] = user_emb[u_at[chunk][known]] @ aligned.T
        out[:, i_at < 0] = -np.inf
        return out

    return score


def gate(candidate: Scorer, current: Version | None, train_part: Interactions,
         held: Interactions, tolerance: float) -> tuple[bool, str, dict[str, float], dict[str, float]]:
    """Both models on the held-out pairs of the users the current model knows."""
    if current is None:
        return True, "first version", evaluate(candidate, train_part, held), {}
    known_users = set(current.ids()[0].keys)
    mask = np.array([train_part.users.keys[u] in known_users for u in held.user], dtype=bool)
    shared = held.subset(mask)
    if len(shared) == 0:
        return True, "the current version knows none of the held-out users", \
            evaluate(candidate, train_part, held), {}
    new = evaluate(candidate, train_part, shared)
    old = evaluate(version_scorer(current, train_part), train_part, shared)
    worse = [m for m in GATE_METRICS if new[m] < old[m] - tolerance]
    if worse:
        return False, f"worse than {current.name} on " + ", ".join(
            f"{m} ({new[m]:.4f} < {old[m]:.4f})" for m in worse), new, old
    return True, f"not worse than {current.name} on {', '.join(GATE_METRICS)}", new, old


def fit_and_register(data: Interactions, registry: Registry, cfg: RunConfig, tolerance: float = 0.0,
                     progress: bool = True, data_source: str = "neo4j") -> Outcome:
    """CPU-bound part of a retrain; call from a thread."""
    train_part, held = stable_split(data, cfg.test_fraction, cfg.split_seed)
    fit, valid = random_split(train_part, cfg.test_fraction, cfg.split_seed)
    search = train(fit, cfg.train, valid=valid, progress=progress)
    # the epoch count found on validation, trained again on all the training pairs
    final = train(train_part, cfg.train, progress=progress, epochs=search.best_epoch)
    promoted, reason, new, old = gate(final.scorer(), registry.current(), train_part, held, tolerance)
    user_emb, item_emb = final.embeddings()
    meta: dict[str, Any] = {
        "config": cfg.to_dict(), "metrics": new, "gate": {"promoted": promoted, "reason": reason,
                                                          "current_metrics": old},
        "data_hash": data.digest(), "data_source": data_source, "interactions": len(data),
        "best_epoch": search.best_epoch, "seconds_per_epoch": final.seconds_per_epoch,
        "train_seconds": search.total_seconds + final.total_seconds, "device": final.device,
    }
    version = registry.add(users=data.users, items=data.items, user_emb=user_emb, item_emb=item_emb,
                           weights=final.model.state_dict(), meta=meta)
    if promoted:
        registry.promote(version.name)
    return Outcome(version.name, promoted, reason, new, old)


async def retrain(driver: AsyncDriver, registry: Registry, cfg: RunConfig, tolerance: float = 0.0,
                  progress: bool = True) -> Outcome:
    data = await export_interactions(driver, cfg.export, progress)
    if data.n_users < 2 or data.n_items < 2:
        raise ValueError(f"too little to train on: {len(data)} interactions, "
                         f"{data.n_users} profiles, {data.n_items} titles")
    outcome = await asyncio.to_thread(fit_and_register, data, registry, cfg, tolerance, progress)
    if outcome.promoted:
        await publish(driver, registry.get(outcome.version), progress)
    return outcome
