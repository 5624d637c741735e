"""Equal tuning effort: every model gets the same number of configurations, drawn from its
own search space with the same seed, each scored on a validation split carved from the
training data. The test split is touched once per model, by its chosen configuration."""

from __future__ import annotations

import dataclasses
import itertools
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from . import baselines
from .config import TrainConfig
from .data import Interactions
from .evaluate import Scorer, evaluate
from .split import random_split
from .train import train

SPACES: dict[str, dict[str, list[Any]]] = {
    "lightgcn": {"lr": [0.002, 0.005, 0.01], "reg": [1e-5, 1e-4, 1e-3], "layers": [2, 3, 4],
                 "dim": [64, 128]},
    "item_knn": {"neighbours": [20, 50, 100, 200, 400, 800], "shrink": [0, 10, 50, 100, 200]},
    "als": {"factors": [16, 32, 64, 128, 256], "regularization": [0.01, 0.1, 1.0, 10.0, 100.0],
            "alpha": [1.0, 5.0, 10.0, 20.0, 40.0], "iterations": [15, 30, 50]},
    "most_popular": {},
}


def draw(space: dict[str, list[Any]], trials: int, seed: int) -> list[dict[str, Any]]:
    """`trials` distinct points of the grid, uniformly at random."""
    grid = [dict(zip(space, values)) for values in itertools.product(*space.values())]
    picks = np.random.default_rng(seed).permutation(len(grid))[:trials]
    return [grid[i] for i in sorted(picks)]


@dataclass
class Result:
    model: str
    params: dict[str, Any]
    valid: dict[str, float]
    test: dict[str, float] = field(default_factory=dict)
    trials: list[tuple[dict[str, Any], float]] = field(default_factory=list)
    fit_seconds: float = 0.0  # the final fit on all training data
    extra: dict[str, Any] = field(default_factory=dict)


def _fit(model: str, data: Interactions, params: dict[str, Any], base: TrainConfig,
         valid: Interactions | None, epochs: int | None, progress: bool) -> tuple[Scorer, dict[str, Any]]:
    if model == "lightgcn":
        run = train(data, base.replace(**params), valid=valid, epochs=epochs, progress=progress)
        return run.scorer(), {"best_epoch": run.best_epoch, "seconds_per_epoch": run.seconds_per_epoch,
                              "train_seconds": run.total_seconds, "peak_memory_mb": run.peak_memory_mb,
                              "epochs_run": len(run.history), "device": run.device}
    if model == "item_knn":
        return baselines.item_knn(data, baselines.ItemKNNConfig(**params)), {}
    if model == "als":
        return baselines.als(data, baselines.ALSConfig(**params), seed=base.seed), {}
    if model == "most_popular":
        return baselines.most_popular(data), {}
    raise ValueError(f"unknown model {model!r}")


def tune_and_test(model: str, train_data: Interactions, test_data: Interactions, trials: int,
                  base: TrainConfig, seed: int = 2020, progress: bool = True,
                  log: Callable[[str], None] = print,
                  split: Callable[..., tuple[Interactions, Interactions]] = random_split) -> Result:
    """`split` carves validation out of training the way the test split was made."""
    fit, valid = split(train_data, 0.2, seed + 1)
    candidates = draw(SPACES[model], trials, seed) if SPACES[model] else [{}]
    tried: list[tuple[dict[str, Any], float, dict[str, float], dict[str, Any]]] = []
    for params in candidates:
        scorer, info = _fit(model, fit, params, base, valid, None, progress)
        metrics = evaluate(scorer, fit, valid)
        tried.append((params, metrics["recall@20"], metrics, info))
        log(f"  {model} {params} -> valid recall@20 {metrics['recall@20']:.4f}"
            + (f" (best epoch {info['best_epoch']})" if "best_epoch" in info else ""))
    params, _, valid_metrics, info = max(tried, key=lambda t: t[1])
    # refit on all training data; LightGCN for the epoch count validation chose
    started = time.perf_counter()
    scorer, final_info = _fit(model, train_data, params, base, None, info.get("best_epoch"), progress)
    seconds = time.perf_counter() - started
    return Result(model, params, valid_metrics, evaluate(scorer, train_data, test_data),
                  [(p, r) for p, r, _, _ in tried], seconds, final_info)


def as_dict(result: Result) -> dict[str, Any]:
    return dataclasses.asdict(result)
