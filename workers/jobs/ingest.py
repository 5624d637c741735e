"""Import jobs. Safe to run twice: every write is a MERGE on a stable key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.logging import log
from ingest.generic import pipeline as generic
from ingest.generic.transform import ValueKind
from ingest.movielens import pipeline as movielens
from ingest.report import ImportReport, OnError
from search import indexer

from ..context import WorkerCtx


async def _index_import(ctx: WorkerCtx) -> None:
    """The search index takes what the import changed. The import stands either way: a
    search outage is logged, and the next repair or `search check --repair` catches up."""
    try:
        await indexer.repair(ctx["driver"], ctx["search"], ctx.get("redis_client"))
    except Exception as e:  # noqa: BLE001 - any search failure; the import itself succeeded
        log.error("ingest.search_repair_failed", error=repr(e))


def _result(report: ImportReport) -> dict[str, Any]:
    return {
        "written": report.written,
        "problems": [str(p) for p in report.problems],
        "warnings": [str(w) for w in report.warnings],
    }


async def import_demo_catalog(ctx: WorkerCtx, folder: str | None = None) -> dict[str, Any]:
    report = await movielens.run(ctx["driver"], Path(folder) if folder else movielens.DEFAULT_DIR,
                                 progress=False)
    await _index_import(ctx)
    return _result(report)


async def import_csv(
    ctx: WorkerCtx, source: str, items: str | None = None, interactions: str | None = None,
    follows: str | None = None, value: ValueKind = "rating5", on_error: OnError = "abort",
) -> dict[str, Any]:
    report = await generic.run(
        ctx["driver"], source,
        items=Path(items) if items else None,
        interactions=Path(interactions) if interactions else None,
        follows=Path(follows) if follows else None,
        value=value, on_error=on_error, progress=False,
    )
    await _index_import(ctx)
    return _result(report)
