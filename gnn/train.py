"""BPR training of the LightGCN recommender, with early stopping on validation recall@20."""

from __future__ import annotations

import copy
import statistics
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy as np
import psutil
import torch
from tqdm import tqdm

from .config import TrainConfig
from .data import Interactions
from .evaluate import Scorer, evaluate
from .model import Recommender, normalized_adjacency
from .runtime import prepare


@dataclass
class EpochLog:
    epoch: int
    loss: float
    seconds: float  # training only, evaluation excluded
    recall: float | None = None  # validation recall@20 where evaluated
    ndcg: float | None = None


@dataclass
class Trained:
    model: Recommender
    adj: torch.Tensor
    config: TrainConfig
    best_epoch: int
    history: list[EpochLog] = field(default_factory=list)
    total_seconds: float = 0.0
    peak_memory_mb: float = 0.0
    device: str = "cpu"

    @property
    def seconds_per_epoch(self) -> float:
        return statistics.median(e.seconds for e in self.history) if self.history else 0.0

    def embeddings(self) -> tuple[np.ndarray, np.ndarray]:
        """Final user (n_users, dim) and item (n_items, dim) embeddings."""
        self.model.eval()
        with torch.no_grad():
            users, items = self.model.embeddings(self.adj)
        return users.cpu().numpy(), items.cpu().numpy()

    def scorer(self) -> Scorer:
        users, items = self.embeddings()
        return lambda chunk: users[chunk] @ items.T


class NegativeSampler:
    """Uniform negatives, vectorised: draw for the whole batch, redraw the few that hit a
    positive of their user (checked by binary search in the sorted pair keys)."""

    def __init__(self, data: Interactions, device: torch.device, generator: torch.Generator):
        self.n_items = data.n_items
        keys = torch.from_numpy(data.user * data.n_items + data.item)
        self.keys = torch.sort(keys).values.to(device)
        self.device, self.generator = device, generator

    def _is_positive(self, users: torch.Tensor, items: torch.Tensor) -> torch.Tensor:
        q = users * self.n_items + items
        at = torch.searchsorted(self.keys, q).clamp_(max=len(self.keys) - 1)
        return self.keys[at] == q

    def __call__(self, users: torch.Tensor) -> torch.Tensor:
        neg = self._draw(len(users))
        for _ in range(20):  # a user with most items positive is the only slow case
            bad = self._is_positive(users, neg)
            if not bool(bad.any()):
                break
            neg[bad] = self._draw(int(bad.sum()))
        return neg

    def _draw(self, n: int) -> torch.Tensor:
        return torch.randint(0, self.n_items, (n,), generator=self.generator,
                             device="cpu").to(self.device)


class PositiveSampler:
    """The paper code's sampling: a user uniformly at random, then one of their positives.
    Every user weighs the same however much they rated, as in the user-averaged metrics."""

    def __init__(self, data: Interactions, device: torch.device, generator: torch.Generator):
        m = data.matrix(binary=True)
        degree = np.diff(m.indptr)
        self.users = torch.from_numpy(np.flatnonzero(degree > 0))
        self.start = torch.from_numpy(m.indptr[:-1].astype(np.int64))
        self.degree = torch.from_numpy(degree.astype(np.int64))
        self.items = torch.from_numpy(m.indices.astype(np.int64))
        self.device, self.generator = device, generator

    def __call__(self, n: int) -> tuple[torch.Tensor, torch.Tensor]:
        u = self.users[torch.randint(0, len(self.users), (n,), generator=self.generator)]
        offset = (torch.rand(n, generator=self.generator) * self.degree[u]).long()
        return u.to(self.device), self.items[self.start[u] + offset].to(self.device)


def _memory_mb(device: torch.device) -> float:
    if device.type == "cuda":
        return float(torch.cuda.max_memory_allocated(device)) / 2**20
    return float(psutil.Process().memory_info().rss) / 2**20


def _batches(data: Interactions, cfg: TrainConfig, users: torch.Tensor, items: torch.Tensor,
             positives: PositiveSampler, generator: torch.Generator,
             device: torch.device) -> Iterator[tuple[torch.Tensor, torch.Tensor]]:
    """One epoch: as many (user, positive) pairs as there are training pairs."""
    if cfg.sampling == "user":
        for start in range(0, len(data), cfg.batch_size):
            yield positives(min(cfg.batch_size, len(data) - start))
        return
    order = torch.randperm(len(data), generator=generator).to(device)
    for batch in order.split(cfg.batch_size):  # type: ignore[no-untyped-call]
        yield users[batch], items[batch]


def train(data: Interactions, cfg: TrainConfig, valid: Interactions | None = None,
          progress: bool = True, epochs: int | None = None) -> Trained:
    """Trains on `data`. With `valid`, evaluates every cfg.eval_every epochs, stops after
    cfg.patience evaluations without a better recall@20 and keeps the best weights;
    without it, runs `epochs` (default cfg.epochs) epochs."""
    device = prepare(cfg.threads, cfg.seed, cfg.device)
    generator = torch.Generator().manual_seed(cfg.seed)
    users = torch.from_numpy(data.user).to(device)
    items = torch.from_numpy(data.item).to(device)
    adj = normalized_adjacency(data.n_users, data.n_items, users, items,
                               torch.from_numpy(data.weight).to(device))
    model = Recommender(data.n_users, data.n_items, cfg.dim, cfg.layers, cfg.init_std).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=cfg.lr, fused=True)  # one kernel per step
    sample = NegativeSampler(data, device, generator)
    positives = PositiveSampler(data, device, generator)
    run = Trained(model, adj, cfg, best_epoch=0, device=str(device))
    best_recall, best_state, stale = -1.0, None, 0
    n_epochs = epochs or cfg.epochs
    started = time.perf_counter()
    bar = tqdm(range(1, n_epochs + 1), desc="lightgcn", unit="epoch", disable=not progress,
               leave=False)
    for epoch in bar:
        model.train()
        tick = time.perf_counter()
        total = torch.zeros((), device=device)
        for u, p in _batches(data, cfg, users, items, positives, generator, device):
            loss, l2 = model.bpr_loss(adj, u, p, sample(u), cfg.reg)
            optimizer.zero_grad(set_to_none=True)
            (loss + l2).backward()  # type: ignore[no-untyped-call]
            optimizer.step()
            total += loss.detach() * len(u)  # summed on the device: no sync per batch on a GPU
        log = EpochLog(epoch, total.item() / len(data), time.perf_counter() - tick)
        run.history.append(log)
        run.peak_memory_mb = max(run.peak_memory_mb, _memory_mb(device))
        if valid is not None and (epoch % cfg.eval_every == 0 or epoch == n_epochs):
            metrics = evaluate(run.scorer(), data, valid, ks=(20,))
            log.recall, log.ndcg = metrics["recall@20"], metrics["ndcg@20"]
            if log.recall > best_recall:
                best_recall, best_state, stale = log.recall, copy.deepcopy(model.state_dict()), 0
                run.best_epoch = epoch
            else:
                stale += 1
            bar.set_postfix(loss=f"{log.loss:.4f}", recall20=f"{log.recall:.4f}",
                            ndcg20=f"{log.ndcg:.4f}", best=run.best_epoch)
            if stale >= cfg.patience:
                break
        else:
            bar.set_postfix(loss=f"{log.loss:.4f}")
    if best_state is not None:
        model.load_state_dict(best_state)
    else:
        run.best_epoch = len(run.history)
    run.total_seconds = time.perf_counter() - started
    return run
