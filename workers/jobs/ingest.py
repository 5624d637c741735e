"""Import jobs. Safe to run twice: every write is a MERGE on a stable key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ingest.generic import pipeline as generic
from ingest.movielens import pipeline as movielens
from ingest.report import ImportReport
from search import indexer


def _result(report: ImportReport) -> dict[str, Any]:
    return {
        "written": report.written,
        "problems": [str(p) for p in report.problems],
        "warnings": [str(w) for w in report.warnings],
    }


async def import_demo_catalog(ctx: dict[str, Any], folder: str | None = None) -> dict[str, Any]:
    report = await movielens.run(ctx["driver"], Path(folder) if folder else movielens.DEFAULT_DIR,
                                 progress=False)
    await indexer.repair(ctx["driver"], ctx["search"])
    return _result(report)


async def import_csv(
    ctx: dict[str, Any], source: str, items: str | None = None, interactions: str | None = None,
    follows: str | None = None, value: str = "rating5", on_error: str = "abort",
) -> dict[str, Any]:
    report = await generic.run(
        ctx["driver"], source,
        items=Path(items) if items else None,
        interactions=Path(interactions) if interactions else None,
        follows=Path(follows) if follows else None,
        value=value, on_error=on_error, progress=False,  # type: ignore[arg-type]
    )
    await indexer.repair(ctx["driver"], ctx["search"])
    return _result(report)
