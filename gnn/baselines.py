"""Baselines scored by the same evaluation code: most popular, item-kNN, implicit ALS."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from .data import Interactions
from .evaluate import Scorer


def most_popular(train: Interactions) -> Scorer:
    counts = train.item_counts().astype(np.float32)
    return lambda chunk: np.broadcast_to(counts, (len(chunk), len(counts)))


@dataclass(frozen=True)
class ItemKNNConfig:
    neighbours: int = 100
    shrink: float = 10.0


def item_knn(train: Interactions, cfg: ItemKNNConfig) -> Scorer:
    """Cosine similarity of item columns (shrunk towards 0 for few co-raters), each item
    keeping its `neighbours` most similar; a user's score is the sum over their items."""
    x = train.matrix(binary=True).tocsc().astype(np.float32)  # (U, I)
    co = (x.T @ x).tocsr()  # (I, I) co-occurrence counts
    co.setdiag(0)
    co.eliminate_zeros()
    norms = np.sqrt(np.asarray(x.power(2).sum(0)).ravel())  # (I,)
    rows = np.repeat(np.arange(co.shape[0]), np.diff(co.indptr))
    sim = co.data / (norms[rows] * norms[co.indices] + cfg.shrink)
    sim_m = sp.csr_matrix((sim.astype(np.float32), co.indices, co.indptr), shape=co.shape)
    pruned = _keep_top(sim_m, cfg.neighbours)
    user_items = train.matrix(binary=True)
    return lambda chunk: (user_items[chunk] @ pruned).toarray()


def _keep_top(m: sp.csr_matrix, k: int) -> sp.csr_matrix:
    """Per row, only the k largest values."""
    indptr, indices, data = [0], [], []
    for r in range(m.shape[0]):
        lo, hi = m.indptr[r], m.indptr[r + 1]
        vals, cols = m.data[lo:hi], m.indices[lo:hi]
        if hi - lo > k:
            keep = np.argpartition(-vals, k - 1)[:k]
            vals, cols = vals[keep], cols[keep]
        indices.append(cols)
        data.append(vals)
        indptr.append(indptr[-1] + len(cols))
    return sp.csr_matrix((np.concatenate(data), np.concatenate(indices), np.array(indptr)),
                         shape=m.shape)


@dataclass(frozen=True)
class ALSConfig:
    factors: int = 64
    regularization: float = 0.1
    alpha: float = 10.0
    iterations: int = 15


def als(train: Interactions, cfg: ALSConfig, seed: int = 2020, threads: int = 0) -> Scorer:
    """implicit's conjugate-gradient ALS; confidence 1 + alpha * weight."""
    from implicit.cpu.als import AlternatingLeastSquares
    from threadpoolctl import threadpool_limits

    with threadpool_limits(1, "blas"):  # implicit runs its own threads; BLAS ones would fight them
        model = AlternatingLeastSquares(factors=cfg.factors, regularization=cfg.regularization,
                                        alpha=cfg.alpha, iterations=cfg.iterations, random_state=seed,
                                        num_threads=threads, calculate_training_loss=False)
        model.fit(train.matrix().astype(np.float32), show_progress=False)
    users = np.asarray(model.user_factors)
    items = np.asarray(model.item_factors)
    return lambda chunk: users[chunk] @ items.T
