"""Train / test splits. Every model and baseline is scored on the same split."""

from __future__ import annotations

import hashlib

import numpy as np

from .data import Interactions


def _rank_within_user(user: np.ndarray, order_key: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each row's position among its user's rows when sorted by order_key, and the user's count."""
    order = np.lexsort((order_key, user))
    counts = np.bincount(user, minlength=int(user.max(initial=-1)) + 1)
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
    rank = np.empty(len(user), np.int64)
    rank[order] = np.arange(len(user)) - starts[user[order]]
    return rank, np.asarray(counts[user], dtype=np.int64)


def _held_out(rank: np.ndarray, count: np.ndarray, fraction: float) -> np.ndarray:
    # At least one test item per user with two or more, and always one left to train on.
    n_test = np.minimum(np.maximum(np.rint(count * fraction), 1), count - 1)
    held: np.ndarray = rank < n_test
    return held


def random_split(data: Interactions, fraction: float = 0.2,
                 seed: int = 2020) -> tuple[Interactions, Interactions]:
    """Per user, a random `fraction` of their interactions is held out."""
    key = np.random.default_rng(seed).random(len(data))
    test = _held_out(*_rank_within_user(data.user, key), fraction)
    return data.subset(~test), data.subset(test)


def temporal_split(data: Interactions, fraction: float = 0.2,
                   seed: int = 2020) -> tuple[Interactions, Interactions]:
    """Per user, their latest `fraction` is held out (unknown times count as oldest;
    ties are broken at random)."""
    if np.isnan(data.time).all():
        raise ValueError("a temporal split needs interaction times")
    tie = np.random.default_rng(seed).random(len(data)) * 1e-3
    newest_first = -(np.nan_to_num(data.time, nan=-np.inf) + tie)
    test = _held_out(*_rank_within_user(data.user, newest_first), fraction)
    return data.subset(~test), data.subset(test)


def stable_split(data: Interactions, fraction: float = 0.2,
                 seed: int = 2020) -> tuple[Interactions, Interactions]:
    """Held out by a hash of the pair: a pair stays on its side as the data grows, so a model
    trained yesterday was never trained on today's held-out pairs (the retraining gate needs it).
    A user whose every pair hashed to the test side keeps them all for training."""
    salt = str(seed).encode()

    def unit(u: int, i: int) -> float:
        digest = hashlib.blake2b(f"{data.users.keys[u]}\t{data.items.keys[i]}".encode(),
                                 digest_size=8, key=salt).digest()
        return int.from_bytes(digest, "big") / 2**64

    test = np.fromiter((unit(u, i) < fraction for u, i in zip(data.user, data.item)),
                       dtype=bool, count=len(data))
    train_per_user = np.bincount(data.user[~test], minlength=data.n_users)
    test &= train_per_user[data.user] > 0
    return data.subset(~test), data.subset(test)
