"""Full-ranking evaluation, the same code for LightGCN and every baseline.

Protocol: for each user with at least one held-out item, every item is scored, the user's
training items are masked, and the top k are compared with the held-out items.
recall@k = hits / |held-out|; precision@k = hits / k; ndcg@k = DCG / ideal DCG of
min(|held-out|, k) hits; hit rate@k = share of users with a hit; coverage@k = share of all
items that appear in anyone's top k. Means are over users.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from .data import Interactions

KS = (10, 20, 50)
# user indexes (B,) -> scores (B, n_items); larger is better
Scorer = Callable[[np.ndarray], np.ndarray]


def top_k(scores: np.ndarray, k: int) -> np.ndarray:
    """Indexes of the k largest scores per row, best first: (B, k)."""
    k = min(k, scores.shape[1])
    part = np.argpartition(-scores, k - 1, axis=1)[:, :k]
    order = np.argsort(-np.take_along_axis(scores, part, axis=1), axis=1, kind="stable")
    return np.take_along_axis(part, order, axis=1)


def evaluate(score: Scorer, train: Interactions, test: Interactions,
             ks: tuple[int, ...] = KS, batch: int = 512) -> dict[str, float]:
    seen = train.matrix(binary=True)
    held = test.matrix(binary=True)
    users = np.flatnonzero(np.diff(held.indptr) > 0)
    kmax = max(ks)
    discount = 1.0 / np.log2(np.arange(2, kmax + 2))  # (kmax,)
    sums = {f"{m}@{k}": 0.0 for k in ks for m in ("recall", "precision", "ndcg", "hit_rate")}
    shown: dict[int, set[int]] = {k: set() for k in ks}
    for start in range(0, len(users), batch):
        chunk = users[start:start + batch]
        scores = np.asarray(score(chunk), dtype=np.float32).copy()  # (B, n_items)
        rows, cols = seen[chunk].nonzero()
        scores[rows, cols] = -np.inf
        top = top_k(scores, kmax)  # (B, kmax)
        truth = held[chunk]
        hits = np.zeros((len(chunk), kmax), bool)  # (B, kmax); a catalog under kmax pads with misses
        hits[:, :top.shape[1]] = np.asarray(truth[np.arange(len(chunk))[:, None], top].todense()) > 0
        n_true = np.diff(truth.indptr)  # (B,)
        for k in ks:
            h = hits[:, :k]
            n_hit = h.sum(1)
            dcg = (h * discount[:k]).sum(1)
            ideal = np.cumsum(discount[:k])[np.minimum(n_true, k) - 1]
            sums[f"recall@{k}"] += float((n_hit / n_true).sum())
            sums[f"precision@{k}"] += float((n_hit / k).sum())
            sums[f"ndcg@{k}"] += float((dcg / ideal).sum())
            sums[f"hit_rate@{k}"] += float((n_hit > 0).sum())
            shown[k].update(top[:, :k].ravel().tolist())
    n = max(len(users), 1)
    metrics = {name: total / n for name, total in sums.items()}
    metrics.update({f"coverage@{k}": len(shown[k]) / train.n_items for k in ks})
    metrics["users"] = float(len(users))
    return metrics
