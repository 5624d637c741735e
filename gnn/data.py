"""Interactions between users (profiles) and items (titles) with stable id maps."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

# (user key, item key, weight, unix seconds or None)
Row = tuple[str, str, float, float | None]


@dataclass(frozen=True)
class IdMap:
    """Keys in sorted order: the same data gives the same indexes on every run."""

    keys: tuple[str, ...]

    @classmethod
    def of(cls, keys: Iterable[str]) -> IdMap:
        return cls(tuple(sorted(set(keys))))

    def __len__(self) -> int:
        return len(self.keys)

    @property
    def index(self) -> dict[str, int]:
        cached: dict[str, int] | None = self.__dict__.get("_index")
        if cached is None:
            cached = {k: i for i, k in enumerate(self.keys)}
            object.__setattr__(self, "_index", cached)
        return cached


@dataclass(frozen=True)
class Interactions:
    users: IdMap
    items: IdMap
    user: np.ndarray  # (n,) int64 index into users
    item: np.ndarray  # (n,) int64 index into items
    weight: np.ndarray  # (n,) float32
    time: np.ndarray  # (n,) float64 unix seconds, NaN where unknown

    @classmethod
    def from_rows(cls, rows: Iterable[Row], users: IdMap | None = None,
                  items: IdMap | None = None) -> Interactions:
        """One entry per pair: the largest weight and the latest time win.
        Rows whose user or item is not in a given map are dropped."""
        best: dict[tuple[str, str], tuple[float, float]] = {}
        for u, i, w, t in rows:
            tt = float("nan") if t is None else float(t)
            old = best.get((u, i))
            if old is None:
                best[(u, i)] = (float(w), tt)
            else:
                later = tt if old[1] != old[1] or tt > old[1] else old[1]  # NaN != NaN: unknown loses
                best[(u, i)] = (max(old[0], float(w)), later)
        users = users or IdMap.of(u for u, _ in best)
        items = items or IdMap.of(i for _, i in best)
        ui, ii = users.index, items.index
        kept = [(ui[u], ii[i], w, t) for (u, i), (w, t) in best.items() if u in ui and i in ii]
        kept.sort()
        arr = np.array(kept, dtype=np.float64).reshape(-1, 4)
        return cls(users, items, arr[:, 0].astype(np.int64), arr[:, 1].astype(np.int64),
                   arr[:, 2].astype(np.float32), arr[:, 3])

    @property
    def n_users(self) -> int:
        return len(self.users)

    @property
    def n_items(self) -> int:
        return len(self.items)

    def __len__(self) -> int:
        return int(self.user.shape[0])

    def subset(self, mask: np.ndarray) -> Interactions:
        return Interactions(self.users, self.items, self.user[mask], self.item[mask],
                            self.weight[mask], self.time[mask])

    def matrix(self, binary: bool = False) -> sp.csr_matrix:
        """(n_users, n_items) sparse matrix of weights (or ones)."""
        data = np.ones(len(self), np.float32) if binary else self.weight
        return sp.csr_matrix((data, (self.user, self.item)), shape=(self.n_users, self.n_items))

    def by_user(self) -> list[np.ndarray]:
        """Item indexes of each user (an empty array for users without any)."""
        m = self.matrix(binary=True)
        return [m.indices[m.indptr[u]:m.indptr[u + 1]] for u in range(self.n_users)]

    def item_counts(self) -> np.ndarray:
        return np.bincount(self.item, minlength=self.n_items)

    def digest(self) -> str:
        """Hash of the data itself (keys, not indexes), for the model registry."""
        h = hashlib.sha256()
        for u, i, w in zip(self.user, self.item, self.weight):
            h.update(f"{self.users.keys[u]}\t{self.items.keys[i]}\t{w:.4g}\n".encode())
        return h.hexdigest()


def concat(parts: Sequence[Interactions]) -> Interactions:
    """Parts sharing one pair of id maps, as one set."""
    first = parts[0]
    return Interactions(first.users, first.items, *(np.concatenate([getattr(p, f) for p in parts])
                                                   for f in ("user", "item", "weight", "time")))
