"""Generic CSV files (items, interactions, follows): get -> transform -> load."""

from __future__ import annotations

from pathlib import Path

from neo4j import AsyncDriver

import cypher

from .. import graph_load
from ..records import RatingRecord, Records
from ..report import ImportReport, OnError
from ..rows import Collector
from . import transform


async def run(
    driver: AsyncDriver,
    source: str,
    items: Path | None = None,
    interactions: Path | None = None,
    follows: Path | None = None,
    value: transform.ValueKind = "rating5",
    on_error: OnError = "skip",
    progress: bool = True,
) -> ImportReport:
    if not source or ":" in source:
        raise ValueError("source must be a non-empty name without ':'")
    col = Collector(on_error)
    records = Records()
    if items:
        for line, media in col.parse(items, transform.ITEM_COLUMNS,
                                     lambda r: transform.item(r, source)):
            records.add_media(media, items.name, line, col)
    if interactions:
        # Items may come from this run or from an earlier import of the same source.
        stored = await cypher.read(driver, "ingest/known_media_keys", prefix=f"{source}:")
        known = {r["key"] for r in stored} | {m.external_key for m in records.media}
        for _, rec in col.parse(interactions, transform.INTERACTION_COLUMNS,
                                lambda r: transform.interaction(r, source, value, known)):
            records.add_user(rec.user, rec.user.split(":", 1)[1])
            if isinstance(rec, RatingRecord):
                records.ratings.append(rec)
            else:
                records.add_watch(rec)
    if follows:
        for _, f in col.parse(follows, transform.FOLLOW_COLUMNS,
                              lambda r: transform.follow(r, source)):
            records.add_user(f.follower, f.follower.split(":", 1)[1])
            records.add_user(f.followee, f.followee.split(":", 1)[1])
            records.follows.append(f)
    return await graph_load.load(driver, records, col, progress)
