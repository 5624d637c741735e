"""Settings of one training run: what counts as an interaction, the model, the optimiser."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class ExportConfig:
    """Which profile–title edges are positives, and how much each kind weighs.

    A rating below the threshold is a dislike: that pair is left out even if the title
    was also watched or listed. A pair with several kinds keeps its largest weight.
    """

    rating_threshold: int = 7  # on the 1-10 scale: 3.5 stars and up in MovieLens terms
    rated_weight: float = 1.0
    watched_weight: float = 1.0
    listed_weight: float = 0.5


@dataclass(frozen=True)
class TrainConfig:
    # defaults: the configuration benchmarks/gnn.py chose on MovieLens validation
    dim: int = 64
    layers: int = 2
    lr: float = 0.01
    reg: float = 1e-3  # L2 on the layer-0 embeddings of each batch, as in the paper
    batch_size: int = 2048
    epochs: int = 400  # at most; early stopping usually ends sooner
    eval_every: int = 5
    patience: int = 6  # evaluations without a better validation recall@20
    init_std: float = 0.1
    # "user": a uniform user, then one of their positives (the paper's code);
    # "pair": every training pair once per epoch, shuffled
    sampling: str = "user"
    seed: int = 2020
    device: str = "auto"  # "cpu", "cuda" or "auto"
    threads: int | None = None  # torch intra-op threads; None keeps torch's choice

    def replace(self, **changes: Any) -> TrainConfig:
        return dataclasses.replace(self, **changes)


@dataclass(frozen=True)
class RunConfig:
    export: ExportConfig = field(default_factory=ExportConfig)
    train: TrainConfig = field(default_factory=TrainConfig)
    test_fraction: float = 0.2
    split_seed: int = 2020

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RunConfig:
        return cls(export=ExportConfig(**data.get("export", {})),
                   train=TrainConfig(**data.get("train", {})),
                   test_fraction=data.get("test_fraction", 0.2),
                   split_seed=data.get("split_seed", 2020))
