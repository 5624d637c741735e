"""What is particular to the embedded index: several processes read one folder, one writes."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from search import TantivyBackend
from search.documents import MediaDoc
from search.query import SearchRequest


async def _found(backend: TantivyBackend, text: str, within: float) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if (await backend.search(SearchRequest(text=text, facets=False))).total:
            return True
        await asyncio.sleep(0.05)
    return False


async def test_a_second_reader_picks_up_commits_and_folds_accents(tmp_path: Path) -> None:
    writer, reader = TantivyBackend(tmp_path), TantivyBackend(tmp_path)  # as two API processes
    await writer.upsert([MediaDoc(id="m1", type="movie", title="Le Fabuleux Destin d'Amélie Poulain")], [])
    # the reader was opened before the commit and is never told about it
    assert await _found(reader, "amelie poulain", within=5.0)
    assert await _found(reader, "AMÉLIE", within=0.1)


async def test_writes_from_two_processes_wait_for_the_lock(tmp_path: Path) -> None:
    first, second = TantivyBackend(tmp_path), TantivyBackend(tmp_path)
    held = first.index.writer(heap_size=15_000_000, num_threads=1)  # another process mid-write
    pending = asyncio.create_task(second.upsert([MediaDoc(id="m2", type="movie", title="Waiting Game")], []))
    await asyncio.sleep(0.5)
    assert not pending.done()  # LockBusy: it waits rather than failing
    held.commit()
    held.wait_merging_threads()  # lets go of the lock
    await asyncio.wait_for(pending, timeout=10)
    assert await _found(first, "waiting game", within=5.0)


async def test_many_small_writes_do_not_pile_up_segments(tmp_path: Path) -> None:
    backend = TantivyBackend(tmp_path)
    for i in range(40):
        await backend.upsert([MediaDoc(id=f"s{i}", type="movie", title=f"Segment test {i}")], [])
    searcher = backend.index.searcher()
    assert searcher.num_docs == 40
    assert searcher.num_segments < 12, searcher.num_segments
