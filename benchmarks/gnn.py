"""LightGCN against its baselines and against the paper authors' reference code, on
MovieLens (ml-latest-small: ratings of 3.5 stars and up are positives; per-user random
80/20 split, seed 2020), in one run on one machine.

    .venv/bin/python -u benchmarks/gnn.py [--trials 8] [--reference-repo DIR] [--threads 2]

Every model (LightGCN, item-kNN, ALS; most popular has nothing to tune) tries --trials
configurations drawn from its own grid (gnn/tune.py) on a validation split carved from the
training data, then refits its best on all training data and is scored once on the test
split by the same metric code. LightGCN refits for the epoch count validation chose.

The reference (github.com/gusye1234/LightGCN-PyTorch, fetched as a bare git dir; give its
path with --reference-repo, nothing of it is in this repository) then trains on the same
split, written in its adjacency format, with LightGCN's chosen dimension, layers, learning
rate, decay and batch size, for the same number of epochs.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.reference_lightgcn import run_reference  # noqa: E402
from gnn.config import TrainConfig  # noqa: E402
from gnn.files import read_interactions, write_adjacency  # noqa: E402
from gnn.split import random_split  # noqa: E402
from gnn.tune import Result, tune_and_test  # noqa: E402

RATINGS = ROOT / "data" / "ml-latest-small" / "ratings.csv"
DEFAULT_REFERENCE = Path("/work/.mirror/gusye1234+LightGCN-PyTorch/repo")
MODELS = ("most_popular", "item_knn", "als", "lightgcn")


def machine() -> str:
    import torch

    cpu = platform.processor() or platform.machine()
    gpu = torch.cuda.get_device_name(0) if torch.cuda.is_available() else "no GPU"
    return f"{os.cpu_count()} cores {cpu}, {os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB, {gpu}"


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--trials", type=int, default=8)
    p.add_argument("--max-epochs", type=int, default=400)
    p.add_argument("--threads", type=int, default=os.cpu_count())
    p.add_argument("--device", default="auto")
    p.add_argument("--reference-repo", type=Path, default=DEFAULT_REFERENCE)
    p.add_argument("--json", type=Path, help="also write every figure here")
    args = p.parse_args()

    data = read_interactions(RATINGS, "pairs", min_weight=3.5, binary=True)
    train, test = random_split(data, 0.2, seed=2020)
    print(f"MovieLens small: {data.n_users} users, {data.n_items} titles, {len(train)} training and "
          f"{len(test)} test positives; {machine()}; torch threads {args.threads}", flush=True)
    # evaluations every 10 epochs, so the chosen epoch count is one the reference also scores at
    base = TrainConfig(epochs=args.max_epochs, eval_every=10, patience=4, device=args.device,
                       threads=args.threads, seed=2020)
    results: dict[str, Result] = {}
    for model in MODELS:
        print(f"\n{model}: {args.trials if model != 'most_popular' else 1} configuration(s) on validation",
              flush=True)
        results[model] = tune_and_test(model, train, test, args.trials, base, seed=2020, progress=False,
                                       log=lambda s: print(s, flush=True))
        r = results[model]
        print(f"  chose {r.params}: test recall@20 {r.test['recall@20']:.4f}, ndcg@20 {r.test['ndcg@20']:.4f}",
              flush=True)

    ours = results["lightgcn"]
    print("\n== test split (full ranking, training items masked) ==")
    print(f"{'model':<14}{'recall@10':>10}{'recall@20':>10}{'recall@50':>10}{'ndcg@10':>9}{'ndcg@20':>9}"
          f"{'ndcg@50':>9}{'prec@20':>9}{'hit@20':>8}{'cover@20':>9}")
    for name, r in results.items():
        t = r.test
        print(f"{name:<14}{t['recall@10']:>10.4f}{t['recall@20']:>10.4f}{t['recall@50']:>10.4f}"
              f"{t['ndcg@10']:>9.4f}{t['ndcg@20']:>9.4f}{t['ndcg@50']:>9.4f}{t['precision@20']:>9.4f}"
              f"{t['hit_rate@20']:>8.4f}{t['coverage@20']:>9.4f}")
    beaten = all(ours.test[m] > r.test[m] for name, r in results.items() if name != "lightgcn"
                 for m in ("recall@20", "ndcg@20"))
    info = ours.extra
    print(f"\nLightGCN {ours.params}: {info['epochs_run']} epochs (chosen on validation), "
          f"{info['seconds_per_epoch']:.3f} s/epoch, {info['train_seconds']:.1f} s training, "
          f"peak memory {info['peak_memory_mb']:.0f} MB ({info['device']})")
    print(f"LightGCN beats every baseline on recall@20 and ndcg@20: {'yes' if beaten else 'NO'}")

    reference = None
    if args.reference_repo.exists():
        cfg = base.replace(**ours.params)
        with tempfile.TemporaryDirectory() as tmp:
            write_adjacency(train, Path(tmp) / "train.txt")
            write_adjacency(test, Path(tmp) / "test.txt")
            print(f"\nreference code, same split, {info['epochs_run']} epochs, dim {cfg.dim}, layers "
                  f"{cfg.layers}, lr {cfg.lr}, decay {cfg.reg}, batch {cfg.batch_size}", flush=True)
            reference = run_reference(args.reference_repo, Path(tmp) / "train.txt", Path(tmp) / "test.txt",
                                      epochs=info["epochs_run"], seed=2020, dim=cfg.dim, layers=cfg.layers,
                                      lr=cfg.lr, decay=cfg.reg, batch=cfg.batch_size, threads=args.threads)
        print(f"{'':<22}{'epochs':>7}{'recall@20':>11}{'ndcg@20':>9}{'s/epoch':>9}")
        print(f"{'ours (PyG LightGCN)':<22}{info['epochs_run']:>7}{ours.test['recall@20']:>11.4f}"
              f"{ours.test['ndcg@20']:>9.4f}{info['seconds_per_epoch']:>9.3f}")
        print(f"{'reference':<22}{reference.evaluated_epoch:>7}{reference.recall_at_20:>11.4f}"
              f"{reference.ndcg_at_20:>9.4f}{reference.seconds_per_epoch:>9.3f}")
        print(f"equal or better recall@20: {'yes' if ours.test['recall@20'] >= reference.recall_at_20 else 'NO'}; "
              f"seconds per epoch {info['seconds_per_epoch'] / reference.seconds_per_epoch:.2f}x the reference's")
    else:
        print(f"\n(reference skipped: no {args.reference_repo}; fetch gusye1234/LightGCN-PyTorch)")
    if args.json:
        from dataclasses import asdict
        args.json.write_text(json.dumps({"results": {k: asdict(v) for k, v in results.items()},
                                         "reference": asdict(reference) if reference else None}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
