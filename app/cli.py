"""Command line: python -m app.cli migrate | import-demo | import-csv | search | serve."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from app.logging import configure_logging
from app.settings import get_settings
from graph_model.db import connect, migrate
from ingest.graph_load import has_catalog
from ingest.report import ImportAborted, ImportReport


async def _driver() -> Any:
    s = get_settings().neo4j
    return await connect(s.uri, s.user, s.password, s.max_pool_size)


def _print_report(report: ImportReport) -> None:
    for w in report.warnings:
        print(f"warning: {w}", file=sys.stderr)
    for p in report.problems:
        print(f"skipped: {p}", file=sys.stderr)
    print(report.summary())


async def cmd_migrate(_: argparse.Namespace) -> int:
    driver = await _driver()
    try:
        counts = await migrate(driver)
        print(f"schema ready: {counts['constraints']} constraints, {counts['indexes']} indexes")
    finally:
        await driver.close()
    return 0


async def cmd_import_demo(args: argparse.Namespace) -> int:
    from ingest.movielens import pipeline

    driver = await _driver()
    try:
        await migrate(driver)
        if args.if_empty and await has_catalog(driver):
            print("catalog already imported; skipping (drop --if-empty to re-run)")
            return 0
        print(f"importing MovieLens from {args.folder}")
        report = await pipeline.run(driver, Path(args.folder), on_error=args.on_error)
        _print_report(report)
        await _search_repair(driver)
    except ImportAborted as e:
        print(e, file=sys.stderr)
        return 1
    finally:
        await driver.close()
    return 0


async def cmd_import_csv(args: argparse.Namespace) -> int:
    from ingest.generic import pipeline

    if not (args.items or args.interactions or args.follows):
        print("give at least one of --items, --interactions, --follows", file=sys.stderr)
        return 2
    driver = await _driver()
    try:
        await migrate(driver)
        report = await pipeline.run(
            driver, args.source,
            items=Path(args.items) if args.items else None,
            interactions=Path(args.interactions) if args.interactions else None,
            follows=Path(args.follows) if args.follows else None,
            value=args.value, on_error=args.on_error,
        )
        _print_report(report)
        await _search_repair(driver)
    except ImportAborted as e:
        print(e, file=sys.stderr)
        return 1
    finally:
        await driver.close()
    return 0


@asynccontextmanager
async def _search_tools() -> AsyncIterator[tuple[Any, Any]]:
    """The search backend and the Redis client its indexer keeps the stream position in."""
    from app.kit.redis import open_redis
    from app.search.backend import open_search

    settings = get_settings()
    backend = open_search(settings)
    redis = open_redis(settings.redis)
    try:
        yield backend, redis
    finally:
        await redis.aclose()
        await backend.close()


async def _search_repair(driver: Any) -> None:
    """Imports end here: the search index takes what they added or changed."""
    from search import indexer

    async with _search_tools() as (backend, redis):
        try:
            report = await indexer.repair(driver, backend, redis, progress=True)
            print(f"search index: {report.summary()}" + ("" if report.ok else "; repaired"))
        except Exception as e:  # the import stands; `search check --repair` catches up later
            print(f"warning: the search index was not updated ({e!r}); "
                  "run `python -m app.cli search check --repair`", file=sys.stderr)


async def cmd_search(args: argparse.Namespace) -> int:
    driver = await _driver()
    try:
        async with _search_tools() as (backend, redis):
            return await _search_action(args, driver, backend, redis)
    finally:
        await driver.close()


async def _search_action(args: argparse.Namespace, driver: Any, backend: Any, redis: Any) -> int:
    from search import indexer

    if args.action == "reindex":
        total = await indexer.reindex(driver, backend, redis, progress=True)
        print(f"indexed {total} documents into {backend.name}")
        return 0
    if args.action == "sync":
        n = await indexer.sync_from_events(driver, redis, backend)
        print("another sync or a rebuild is writing; skipped" if n < 0 else
              f"re-indexed {n} titles from events")
        return 0
    if args.repair:
        report = await indexer.repair(driver, backend, redis, progress=True)
    else:
        report = await indexer.check(driver, backend, progress=True)
    print(f"{backend.name}: {report.summary()}" + ("; repaired" if args.repair and not report.ok else ""))
    for label, ids in (("missing", report.missing), ("stale", report.stale), ("orphaned", report.orphans)):
        for uid in ids[:20]:
            print(f"  {label}: {uid}")
    return 0 if report.ok or args.repair else 1


def cmd_rotate_keys(args: argparse.Namespace) -> int:
    from app.accounts.keys import KeyRing

    settings = get_settings()
    a = settings.auth
    ring = KeyRing(Path(a.keys_dir) if a.keys_dir else Path(settings.state_dir) / "secrets" / "jwt")
    if args.retire:
        # keys replaced more than one access-token lifetime (+1 min) ago verify nothing live
        gone = ring.retire(a.access_ttl_seconds + 60)
        print(f"retired {len(gone)} key(s): {', '.join(gone) or '-'}; signing with {ring.current().kid}")
    else:
        print(f"new signing key {ring.rotate()}; older keys still verify until retired")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    s = get_settings().api
    host, port = args.host or s.host, args.port or s.port
    print(f"Reelgraph is serving on http://{host}:{port}  (GraphQL at /graphql)", flush=True)
    uvicorn.run("app.main:create_app", factory=True, host=host, port=port,
                log_config=None, access_log=False)
    return 0


def main(argv: list[str] | None = None) -> int:
    from ingest.movielens.pipeline import DEFAULT_DIR

    parser = argparse.ArgumentParser(prog="reelgraph")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("migrate", help="create constraints and indexes (idempotent)")

    demo = sub.add_parser("import-demo", help="import MovieLens ml-latest-small")
    demo.add_argument("--folder", default=str(DEFAULT_DIR))
    demo.add_argument("--if-empty", action="store_true", help="only when no title is stored")
    demo.add_argument("--on-error", choices=["skip", "abort"], default="skip")

    csv = sub.add_parser("import-csv", help="import generic items / interactions / follows")
    csv.add_argument("--source", required=True, help="namespace of the ids, e.g. 'mydata'")
    csv.add_argument("--items")
    csv.add_argument("--interactions")
    csv.add_argument("--follows")
    csv.add_argument("--value", choices=["rating5", "rating10", "watches"], default="rating5",
                     help="what the third interactions column holds")
    csv.add_argument("--on-error", choices=["skip", "abort"], default="abort")

    rotate = sub.add_parser("rotate-keys", help="add a new JWT signing key (older ones keep verifying)")
    rotate.add_argument("--retire", action="store_true",
                        help="instead, remove keys replaced more than an access-token lifetime ago")

    search = sub.add_parser("search", help="the search index: reindex | check [--repair] | sync")
    search.add_argument("action", choices=["reindex", "check", "sync"])
    search.add_argument("--repair", action="store_true",
                        help="with check: write what is missing or stale, remove what is gone")

    serve = sub.add_parser("serve", help="serve the API and pages")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)

    args = parser.parse_args(argv)
    configure_logging(get_settings().log_level)
    if args.command == "serve":
        return cmd_serve(args)
    if args.command == "rotate-keys":
        return cmd_rotate_keys(args)
    handler = {"migrate": cmd_migrate, "import-demo": cmd_import_demo,
               "import-csv": cmd_import_csv, "search": cmd_search}[args.command]
    return asyncio.run(handler(args))


if __name__ == "__main__":
    sys.exit(main())
