"""Offline experiments on interaction files (no Neo4j): LightGCN against the baselines.

  python -m gnn --data ratings.csv --min-weight 3.5 --binary --split random
  python -m gnn --train train.txt --test test.txt --format adjacency
  python -m gnn ... --models lightgcn,als --trials 8 --json out.json

One file is split per user (random 80/20 or the latest 20%); a train and a test file are
used as given. Every model is tuned with --trials configurations on a validation split
carved from training data, then scored once on the test split.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .config import TrainConfig
from .data import Interactions
from .files import FORMATS, read_interactions, read_train_test
from .split import random_split, temporal_split
from .tune import SPACES, Result, as_dict, tune_and_test

REPORTED = ("recall", "ndcg", "precision", "hit_rate", "coverage")


def load(args: argparse.Namespace) -> tuple[Interactions, Interactions]:
    if args.data:
        data = read_interactions(Path(args.data), args.format, args.min_weight, args.binary)
        split = temporal_split if args.split == "temporal" else random_split
        return split(data, args.test_fraction, args.seed)
    if args.train and args.test:
        return read_train_test(Path(args.train), Path(args.test), args.format, args.min_weight,
                               args.binary)
    raise SystemExit("give --data FILE, or --train FILE and --test FILE")


def table(results: list[Result], ks: tuple[int, ...] = (10, 20, 50)) -> str:
    head = f"{'model':<13}" + "".join(f"{m + '@' + str(k):>13}" for m in REPORTED for k in ks)
    rows = [f"{r.model:<13}" + "".join(f"{r.test[f'{m}@{k}']:>13.4f}" for m in REPORTED for k in ks)
            for r in results]
    return "\n".join([head, *rows])


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="python -m gnn", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", help="one interaction file, split by the protocol")
    p.add_argument("--train", help="a given training file")
    p.add_argument("--test", help="a given test file")
    p.add_argument("--format", choices=FORMATS, default="pairs")
    p.add_argument("--min-weight", type=float, help="pairs: keep rows whose weight is at least this")
    p.add_argument("--binary", action="store_true", help="every kept pair weighs 1")
    p.add_argument("--split", choices=("random", "temporal"), default="random")
    p.add_argument("--test-fraction", type=float, default=0.2)
    p.add_argument("--seed", type=int, default=2020)
    p.add_argument("--models", default=",".join(SPACES), help=f"any of {', '.join(SPACES)}")
    p.add_argument("--trials", type=int, default=8, help="configurations tried per model")
    p.add_argument("--max-epochs", type=int, default=400)
    p.add_argument("--device", default="auto")
    p.add_argument("--threads", type=int)
    p.add_argument("--json", help="write every figure to this file")
    args = p.parse_args(argv)
    train_data, test_data = load(args)
    print(f"{train_data.n_users} users, {train_data.n_items} items, {len(train_data)} training and "
          f"{len(test_data)} test interactions", file=sys.stderr)
    base = TrainConfig(epochs=args.max_epochs, device=args.device, threads=args.threads, seed=args.seed)
    results = []
    for model in args.models.split(","):
        print(f"tuning {model} ({args.trials} configurations)", file=sys.stderr)
        results.append(tune_and_test(model.strip(), train_data, test_data, args.trials, base, args.seed,
                                     log=lambda s: print(s, file=sys.stderr),
                                     split=temporal_split if args.split == "temporal" else random_split))
    print(table(results))
    if args.json:
        Path(args.json).write_text(json.dumps([as_dict(r) for r in results], indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
