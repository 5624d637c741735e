"""Writes normalised records to Neo4j: UNWIND batches, MERGE on stable keys, progress."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from neo4j import AsyncDriver
from tqdm import tqdm

import cypher

from .records import Records, as_params
from .report import ImportReport
from .rows import Collector

BATCH = 5_000


async def write_batches(
    driver: AsyncDriver,
    name: str,
    rows: Sequence[Any],
    desc: str,
    progress: bool,
    batch: int = BATCH,
    **params: Any,
) -> int:
    with tqdm(total=len(rows), desc=desc, unit="row", disable=not progress, leave=True) as bar:
        for start in range(0, len(rows), batch):
            chunk = rows[start : start + batch]
            await cypher.write(driver, name, rows=chunk, **params)
            bar.update(len(chunk))
    return len(rows)


async def release_taken_ids(driver: AsyncDriver, records: Records, col: Collector) -> None:
    """A tmdb/imdb id already held by another title stays there; the newcomer drops it."""
    tmdb = [m.tmdb_id for m in records.media if m.tmdb_id]
    imdb = [m.imdb_id for m in records.media if m.imdb_id]
    if not tmdb and not imdb:
        return
    found = await cypher.read(driver, "ingest/taken_tmdb_ids", tmdb_ids=tmdb, imdb_ids=imdb)
    owner_tmdb = {r["tmdb_id"]: r["key"] for r in found if r["tmdb_id"]}
    owner_imdb = {r["imdb_id"]: r["key"] for r in found if r["imdb_id"]}
    for m in records.media:
        file, line = records.origin.get(m.external_key, ("?", 0))
        if m.tmdb_id and owner_tmdb.get(m.tmdb_id, m.external_key) != m.external_key:
            col.warn(file, line, f"tmdbId {m.tmdb_id} already belongs to {owner_tmdb[m.tmdb_id]}; stored without it")
            m.tmdb_id = None
        if m.imdb_id and owner_imdb.get(m.imdb_id, m.external_key) != m.external_key:
            col.warn(file, line, f"imdbId {m.imdb_id} already belongs to {owner_imdb[m.imdb_id]}; stored without it")
            m.imdb_id = None


async def load(
    driver: AsyncDriver, records: Records, col: Collector, progress: bool = True,
    privacy: str = "friends",
) -> ImportReport:
    """Write everything, parents before children; every statement is an idempotent MERGE."""
    col.check()
    await release_taken_ids(driver, records, col)
    report = ImportReport(problems=col.problems, warnings=col.warnings)
    genres = sorted({g for m in records.media for g in m.genres})
    steps: list[tuple[str, str, Sequence[Any]]] = [
        ("genres", "ingest/merge_genres", genres),
        ("media", "ingest/merge_media", as_params(records.media)),
        ("users", "ingest/merge_users", as_params(list(records.users.values()))),
        ("ratings", "ingest/merge_ratings", as_params(records.ratings)),
        ("watches", "ingest/merge_watches", as_params(records.watches)),
        ("tags", "ingest/merge_tags", as_params(records.tags)),
        ("follows", "ingest/merge_follows", as_params(records.follows)),
    ]
    for kind, name, rows in steps:
        if rows:
            report.written[kind] = await write_batches(driver, name, rows, kind, progress, privacy=privacy)
    return report


async def has_catalog(driver: AsyncDriver) -> bool:
    return bool(await cypher.read(driver, "ingest/has_catalog"))


async def graph_counts(driver: AsyncDriver) -> dict[str, int]:
    return {r["kind"]: r["n"] for r in await cypher.read(driver, "ingest/graph_counts")}
