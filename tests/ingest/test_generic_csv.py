"""Generic CSV import: good files load idempotently, bad rows are reported by file and line."""

import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from neo4j import AsyncDriver

from ingest.generic import pipeline
from ingest.graph_load import graph_counts
from ingest.report import ImportAborted

ITEMS = """id,title,year,genres,type
i1,Night Train,2001,Drama|Thriller,movie
i2,Harbour Lights,2003,Drama,movie
i3,Glass Moon,,Sci-Fi,tv
"""
INTERACTIONS = """user,item,rating,timestamp
u1,i1,4.5,1600000000
u1,i2,3,2020-09-13
u2,i1,5,1600000100
"""
FOLLOWS = """follower,followee
u1,u2
u2,u1
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


@pytest.fixture
async def source(driver: AsyncDriver) -> AsyncIterator[str]:
    """A namespace of its own per test; what the test imported is removed afterwards."""
    name = f"t{uuid.uuid4().hex[:8]}"
    yield name
    await driver.execute_query("""
        MATCH (n) WHERE (n:Media OR n:User) AND n.external_key STARTS WITH $p
        OPTIONAL MATCH (n)-[:HAS_PROFILE]->(p:Profile)
        DETACH DELETE n, p""", p=f"{name}:")


async def source_counts(driver: AsyncDriver, source: str) -> dict:
    records, _, _ = await driver.execute_query("""
        CALL () { MATCH (m:Media) WHERE m.external_key STARTS WITH $p RETURN count(m) AS media }
        CALL () { MATCH (u:User) WHERE u.external_key STARTS WITH $p RETURN count(u) AS users }
        CALL () { MATCH (u:User)-[:HAS_PROFILE]->()-[r:RATED]->() WHERE u.external_key STARTS WITH $p
                  RETURN count(r) AS ratings, collect(r.rating) AS values }
        CALL () { MATCH (u:User)-[f:FOLLOWS]->() WHERE u.external_key STARTS WITH $p RETURN count(f) AS follows }
        RETURN media, users, ratings, follows, values""", p=f"{source}:")
    return records[0].data()


async def test_import_is_complete_and_idempotent(driver: AsyncDriver, tmp_path: Path, source: str) -> None:
    files = dict(items=write(tmp_path, "items.csv", ITEMS),
                 interactions=write(tmp_path, "inter.csv", INTERACTIONS),
                 follows=write(tmp_path, "follows.csv", FOLLOWS))
    report = await pipeline.run(driver, source, **files, progress=False)
    assert report.problems == []
    got = await source_counts(driver, source)
    assert got["media"] == 3 and got["users"] == 2 and got["ratings"] == 3 and got["follows"] == 2
    assert sorted(got["values"]) == [6, 9, 10]  # 4.5, 3 and 5 stars on the 1-10 scale

    before = await graph_counts(driver)
    await pipeline.run(driver, source, **files, progress=False)
    assert await graph_counts(driver) == before


async def test_items_already_stored_are_known_to_a_later_run(driver: AsyncDriver, tmp_path: Path, source: str) -> None:
    await pipeline.run(driver, source, items=write(tmp_path, "items.csv", ITEMS), progress=False)
    report = await pipeline.run(
        driver, source, interactions=write(tmp_path, "inter.csv", INTERACTIONS), progress=False)
    assert report.problems == []
    assert (await source_counts(driver, source))["ratings"] == 3


BAD_INTERACTIONS = """user,item,rating,timestamp
u1,i1,4.5,1600000000
u1,i2,great,1600000000
u1,i9,3,1600000000
u2,i1,5
u2,i2,11,1600000000
"""


async def test_abort_writes_nothing_and_names_every_bad_row(
    driver: AsyncDriver, tmp_path: Path, source: str
) -> None:
    await pipeline.run(driver, source, items=write(tmp_path, "items.csv", ITEMS), progress=False)
    before = await graph_counts(driver)
    with pytest.raises(ImportAborted) as caught:
        await pipeline.run(driver, source, interactions=write(tmp_path, "bad.csv", BAD_INTERACTIONS),
                           on_error="abort", progress=False)
    assert [str(p) for p in caught.value.problems] == [
        "bad.csv:3: rating must be a number, got 'great'",
        "bad.csv:4: rating for unknown item 'i9'",
        "bad.csv:5: expected 4 columns, found 3",
        "bad.csv:6: rating must be between 0.5 and 5, got 11",
    ]
    assert await graph_counts(driver) == before


async def test_skip_keeps_good_rows_and_loses_nothing_stored(
    driver: AsyncDriver, tmp_path: Path, source: str
) -> None:
    items = write(tmp_path, "items.csv", ITEMS)
    await pipeline.run(driver, source, items=items,
                       interactions=write(tmp_path, "inter.csv", INTERACTIONS), progress=False)
    report = await pipeline.run(driver, source, interactions=write(tmp_path, "bad.csv", BAD_INTERACTIONS),
                                on_error="skip", progress=False)
    assert [(p.file, p.line) for p in report.problems] == [
        ("bad.csv", 3), ("bad.csv", 4), ("bad.csv", 5), ("bad.csv", 6)]
    got = await source_counts(driver, source)
    # u1/i1 re-rated with the same value; nothing duplicated, nothing from before lost
    assert got["media"] == 3 and got["ratings"] == 3


async def test_bad_items_and_follows(driver: AsyncDriver, tmp_path: Path, source: str) -> None:
    items = write(tmp_path, "items.csv", "id,title,year,genres\nx1,,2001,Drama\nx2,Fine,19x9,Drama\nx3,Ok,1999,\n")
    follows = write(tmp_path, "follows.csv", "follower,followee\na,a\n")
    report = await pipeline.run(driver, source, items=items, follows=follows, progress=False)
    assert [str(p) for p in report.problems] == [
        "items.csv:2: title is empty",
        "items.csv:3: year must be an integer, got '19x9'",
        "follows.csv:2: follower and followee are the same user",
    ]
    assert (await source_counts(driver, source))["media"] == 1


async def test_numbers_out_of_range_are_row_problems(driver: AsyncDriver, tmp_path: Path, source: str) -> None:
    items = write(tmp_path, "items.csv", ITEMS)
    bad = write(tmp_path, "bad.csv", "user,item,weight,timestamp\nu1,i1,nan,1600000000\n"
                "u1,i2,inf,1600000000\nu2,i1,2,99999999999999999999\nu2,i2,2,1600000000\n")
    report = await pipeline.run(driver, source, items=items, interactions=bad, value="watches",
                                progress=False)
    assert [str(p) for p in report.problems] == [
        "bad.csv:2: weight must be a finite number, got 'nan'",
        "bad.csv:3: weight must be a finite number, got 'inf'",
        "bad.csv:4: timestamp must fall between 1970 and 2100, got '99999999999999999999'",
    ]
    assert report.written["watches"] == 1


async def test_watch_rows_add_up(driver: AsyncDriver, tmp_path: Path, source: str) -> None:
    items = write(tmp_path, "items.csv", ITEMS)
    log = write(tmp_path, "log.csv", "user,item,value,timestamp\nu1,i1,1,1600000000\n"
                "u1,i1,1,1500000000\nu1,i1,2,1700000000\n")
    for _ in range(2):  # a re-run sets the same totals again
        await pipeline.run(driver, source, items=items, interactions=log, value="watches", progress=False)
    records, _, _ = await driver.execute_query("""
        MATCH (:User {external_key: $u})-[:HAS_PROFILE]->()-[w:WATCHED]->(:Media {external_key: $m})
        RETURN w.watch_count AS n, w.first_watched_at.epochSeconds AS first,
               w.last_watched_at.epochSeconds AS last""", u=f"{source}:u1", m=f"{source}:i1")
    assert [r.data() for r in records] == [{"n": 4, "first": 1500000000, "last": 1700000000}]


async def test_repeated_ids_in_one_file(driver: AsyncDriver, tmp_path: Path, source: str) -> None:
    items = write(tmp_path, "items.csv", "id,title,year,genres,type,original_title,overview,tmdb_id\n"
                  "a,First,2000,Drama,movie,,,T1\n"
                  "b,Second,2000,Drama,movie,,,T1\n"
                  "a,Again,2001,Drama,movie,,,\n")
    report = await pipeline.run(driver, source, items=items, on_error="skip", progress=False)
    assert [str(p) for p in report.problems] == ["items.csv:4: id repeats line 2"]
    assert [str(w) for w in report.warnings] == [
        "items.csv:3: tmdbId T1 already used on line 2; stored without it"]
    records, _, _ = await driver.execute_query(
        "MATCH (m:Media) WHERE m.external_key STARTS WITH $p RETURN m.title AS t, m.tmdb_id AS tmdb "
        "ORDER BY t", p=f"{source}:")
    assert [r.data() for r in records] == [{"t": "First", "tmdb": "T1"}, {"t": "Second", "tmdb": None}]


async def test_wrong_header_is_refused(driver: AsyncDriver, tmp_path: Path, source: str) -> None:
    with pytest.raises(ImportAborted, match="items.csv:1: header must begin with id,title,year,genres"):
        await pipeline.run(driver, source, items=write(tmp_path, "items.csv", "name,year\nx,1\n"),
                           progress=False)
