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


async def test_a_failed_write_lets_go_of_the_lock(tmp_path: Path) -> None:
    backend = TantivyBackend(tmp_path)
    bad = MediaDoc(id="b1", type="movie", title="Broken", year="1999")  # type: ignore[arg-type]
    try:
        await backend.upsert([bad], [])
    except Exception:
        pass
    else:
        raise AssertionError("a year that is not a number must fail the write")
    await asyncio.wait_for(backend.upsert([MediaDoc(id="g1", type="movie", title="Goodness")], []), 10)
    assert await _found(backend, "goodness", within=1.0)
    assert not await _found(backend, "broken", within=0.1)  # nothing of the failed batch


async def test_accented_and_folded_words_match_both_ways(tmp_path: Path) -> None:
    backend = TantivyBackend(tmp_path)
    titles = ["Łódź Story", "Die Straße", "Æon Flux", "Amélie"]
    await backend.upsert([MediaDoc(id=f"a{i}", type="movie", title=t) for i, t in enumerate(titles)], [])
    for text, title in (("lodz", "Łódź Story"), ("łódź", "Łódź Story"), ("strasse", "Die Straße"),
                        ("straße", "Die Straße"), ("aeon", "Æon Flux"), ("æon", "Æon Flux"),
                        ("AMELIE", "Amélie")):
        result = await backend.search(SearchRequest(text=text, facets=False))
        assert [h.title for h in result.hits] == [title], text
    [hit] = (await backend.search(SearchRequest(text="lodz", facets=False))).hits
    assert hit.highlights["title"] == "<mark>Łódź</mark> Story"
    assert (await backend.search(SearchRequest(text="!!", facets=False))).total == 0
    assert await backend.autocomplete("--", 5, None) == []
