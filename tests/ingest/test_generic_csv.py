"""Generic CSV import: good files load idempotently, bad rows are reported by file and line."""

import uuid
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
def source() -> str:
    return f"t{uuid.uuid4().hex[:8]}"


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


async def test_wrong_header_is_refused(driver: AsyncDriver, tmp_path: Path, source: str) -> None:
    with pytest.raises(ImportAborted, match="items.csv:1: header must begin with id,title,year,genres"):
        await pipeline.run(driver, source, items=write(tmp_path, "items.csv", "name,year\nx,1\n"),
                           progress=False)
