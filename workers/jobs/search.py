"""Search index jobs. The worker is the index's usual writer (tantivy allows one at a time)."""

from __future__ import annotations

from search import indexer
from workers.context import WorkerCtx


async def sync_search_index(ctx: WorkerCtx) -> int:
    """Catalog events since the last run, into the index (scheduled every few seconds;
    skips, returning -1, while another sync or a rebuild is writing)."""
    return await indexer.sync_from_events(ctx["driver"], ctx["redis_client"], ctx["search"])


async def reindex_search(ctx: WorkerCtx) -> int:
    return await indexer.reindex(ctx["driver"], ctx["search"], ctx["redis_client"])


async def repair_search_index(ctx: WorkerCtx) -> dict[str, int]:
    """After imports: writes what is missing or stale, removes what is gone."""
    report = await indexer.repair(ctx["driver"], ctx["search"], ctx["redis_client"])
    return {"missing": len(report.missing), "stale": len(report.stale), "orphans": len(report.orphans)}


SEARCH_JOBS = [sync_search_index, reindex_search, repair_search_index]
