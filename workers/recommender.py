"""Operating the recommender by hand.

  python -m workers.recommender retrain     export, train, evaluate, promote if not worse
                                [--if-none: only when no version is current yet]
  python -m workers.recommender versions    every version, its metrics, which is current
  python -m workers.recommender rollback    the previously promoted version serves again
  python -m workers.recommender publish V   (re)write version V's embeddings and make it current
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys

import cypher
from app.settings import get_settings
from gnn.pipeline import retrain
from gnn.publish import publish
from gnn.registry import Registry, RegistryError
from graph_model.db import connect, migrate

from .jobs.recommender import run_config


def _line(v_name: str, meta: dict[str, object], current: str | None) -> str:
    m = meta.get("metrics") or {}
    assert isinstance(m, dict)
    mark = "*" if v_name == current else " "
    gate = meta.get("gate") or {}
    assert isinstance(gate, dict)
    return (f"{mark} {v_name}  {str(meta.get('created_at', ''))[:19]}  "
            f"recall@20={m.get('recall@20', float('nan')):.4f} ndcg@20={m.get('ndcg@20', float('nan')):.4f}  "
            f"{meta.get('interactions')} interactions  {gate.get('reason', '')}")


async def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m workers.recommender")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("retrain").add_argument(
        "--if-none", action="store_true", help="only when no version is current (first start)")
    sub.add_parser("versions")
    sub.add_parser("rollback")
    sub.add_parser("publish").add_argument("version")
    args = parser.parse_args(argv)
    settings = get_settings()
    registry = Registry(settings.models_dir)
    if args.command == "versions":
        current = registry.current()
        for v in registry.versions():
            print(_line(v.name, v.meta, current.name if current else None))
        return 0
    n = settings.neo4j
    driver = await connect(n.uri, n.user, n.password, n.max_pool_size)
    try:
        await migrate(driver)
        if args.command == "retrain":
            current = registry.current()
            if args.if_none and current is not None:
                # a graph rebuilt from scratch still gets the current version's embeddings
                served = await cypher.read(driver, "recommendations/current_model")
                if not served or served[0]["version"] != current.name:
                    await publish(driver, current)
                print(f"{current.name} is current; not retraining")
                return 0
            outcome = await retrain(driver, registry, run_config(settings), settings.gnn.tolerance)
            print(json.dumps({"version": outcome.version, "promoted": outcome.promoted,
                              "reason": outcome.reason, "metrics": outcome.candidate}, indent=2))
            return 0
        try:
            version = registry.rollback() if args.command == "rollback" else registry.promote(args.version)
        except RegistryError as e:
            print(f"error: {e}", file=sys.stderr)
            return 1
        counts = await publish(driver, version)
        print(f"{version.name} is current: {counts}")
        return 0
    finally:
        await driver.close()


if __name__ == "__main__":
    sys.exit(asyncio.run(main(sys.argv[1:])))
