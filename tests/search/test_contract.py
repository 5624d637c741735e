"""One contract for every search backend, over the real MovieLens catalog from Neo4j."""

from __future__ import annotations

import re
import uuid

from neo4j import AsyncDriver

from search import SearchBackend, indexer
from search.documents import MediaDoc, PersonDoc
from search.query import Filters, SearchRequest, SearchResult, Sort


def titles(result: SearchResult) -> list[str]:
    return [h.title for h in result.hits]


async def find(backend: SearchBackend, text: str, limit: int = 20, **kw: object) -> SearchResult:
    return await backend.search(SearchRequest(text=text, limit=limit, **kw))  # type: ignore[arg-type]


async def test_typos_find_the_title(backend: SearchBackend) -> None:
    result = await find(backend, "shawshenk redemtion")
    assert titles(result)[0] == "The Shawshank Redemption"
    assert result.hits[0].year == 1994
    # two typos in a word of nine letters or more
    assert "The Shawshank Redemption" in titles(await find(backend, "shawshenq"))


async def test_typo_budget_grows_with_word_length(backend: SearchBackend) -> None:
    # five letters allow one typo, four allow none
    assert "Shrek" in titles(await find(backend, "shrak", limit=50))
    assert (await find(backend, "jawz")).total == 0
    # eight letters allow one typo, not two
    assert "The Godfather" in titles(await find(backend, "godfathr", limit=50))
    assert not any("Godfather" in t for t in titles(await find(backend, "gadfathr", limit=50)))


async def test_prefix_search_as_you_type(backend: SearchBackend) -> None:
    assert "Interstellar" in titles(await find(backend, "interst"))
    assert "Toy Story" in titles(await find(backend, "toy sto"))


async def test_exact_words_rank_above_typos(backend: SearchBackend) -> None:
    result = await find(backend, "aliens", limit=40)
    exact = [bool(re.search(r"\baliens\b", t, re.I)) for t in titles(result)]
    assert exact[0] and not all(exact), titles(result)  # typo matches exist, exact ones lead
    assert exact == sorted(exact, reverse=True), titles(result)


async def test_synonyms(backend: SearchBackend) -> None:
    assert "Toy Story 2" in titles(await find(backend, "toy story ii"))


async def test_highlights_are_escaped_marks(backend: SearchBackend) -> None:
    hit = next(h for h in (await find(backend, "matrix")).hits if h.title == "The Matrix")
    assert hit.highlights["title"] == "The <mark>Matrix</mark>"
    tag = uuid.uuid4().hex[:6]
    doc = MediaDoc(id=f"t-{tag}", type="movie", title=f"<b>Qwzx{tag}</b> & Co")
    await backend.upsert([doc], [])
    try:
        [hit] = (await find(backend, f"qwzx{tag}")).hits
        assert hit.highlights["title"] == f"&lt;b&gt;<mark>Qwzx{tag}</mark>&lt;/b&gt; &amp; Co"
    finally:
        await backend.delete([doc.id])


# -- facets and filters, checked against Cypher over the same graph

WORD_MATCH = """
MATCH (m:Media)
WHERE any(t IN [m.title, m.original_title, m.overview] WHERE t =~ $pattern)
   OR EXISTS { MATCH (m)<-[:ACTED_IN]-(p:Person) WHERE p.name =~ $pattern }
   OR EXISTS { MATCH (m)<-[:CREW {job: 'Director'}]-(p:Person) WHERE p.name =~ $pattern }
MATCH (m)-[:IN_GENRE]->(g:Genre)
RETURN g.name AS genre, count(DISTINCT m) AS titles
"""

FILTERED = """
MATCH (m:Media)-[:IN_GENRE]->(:Genre {name: $genre})
WHERE m.year >= $year_from AND m.year <= $year_to
CALL (m) { OPTIONAL MATCH (m)<-[r:RATED]-(:Profile) RETURN avg(r.rating) AS rating }
WITH m, rating WHERE rating IS NOT NULL AND round(rating, 3) >= $rating_min
MATCH (m)-[:IN_GENRE]->(g:Genre)
RETURN g.name AS genre, count(DISTINCT m) AS titles
"""


async def _counts(driver: AsyncDriver, query: str, **params: object) -> dict[str, int]:
    records, _, _ = await driver.execute_query(query, params)
    return {r["genre"]: r["titles"] for r in records}


async def test_facet_counts_match_cypher(backend: SearchBackend, driver: AsyncDriver) -> None:
    await indexer.repair(driver, backend)  # other tests may have added titles since the fill
    # "love" has four letters: no typos, and as the last word it also matches as a prefix
    result = await find(backend, "love")
    expected = await _counts(driver, WORD_MATCH, pattern=r"(?i)(.*[^\p{L}\p{N}])?love.*")
    assert result.facets is not None and result.facets.counts["genres"] == expected
    assert result.total == result.facets.counts["type"]["movie"] > 50


async def test_filters_narrow_and_counts_match_cypher(backend: SearchBackend, driver: AsyncDriver) -> None:
    await indexer.repair(driver, backend)
    f = Filters(genres=("Film-Noir",), year_from=1940, year_to=1949, rating_min=7.0)
    result = await find(backend, "", limit=100, filters=f)
    expected = await _counts(driver, FILTERED, genre="Film-Noir", year_from=1940, year_to=1949,
                             rating_min=7.0)
    assert result.facets is not None and result.facets.counts["genres"] == expected
    assert result.total == expected["Film-Noir"] and expected["Film-Noir"] > 5  # a real slice
    assert all(1940 <= (h.year or 0) <= 1949 for h in result.hits)
    assert result.facets.rating.min is not None and result.facets.rating.min >= 7.0
    assert result.facets.year.min is not None and result.facets.year.min >= 1940
    # genres are "any of"; type narrows to shows (MovieLens has none)
    both = await find(backend, "", filters=Filters(genres=("Film-Noir", "Western")))
    noir = await find(backend, "", filters=Filters(genres=("Film-Noir",)))
    western = await find(backend, "", filters=Filters(genres=("Western",)))
    assert noir.facets is not None
    overlap = noir.facets.counts["genres"].get("Western", 0)
    assert both.total == noir.total + western.total - overlap
    assert (await find(backend, "star", filters=Filters(type="tv"))).total == 0


async def test_sorting(backend: SearchBackend) -> None:
    for sort, descending in ((Sort.NEWEST, True), (Sort.OLDEST, False)):
        result = await find(backend, "star", limit=50, sort=sort)
        years = [h.year for h in result.hits if h.year is not None]
        assert len(years) > 20 and years == sorted(years, reverse=descending), sort
    tag = uuid.uuid4().hex[:6]
    docs = [MediaDoc(id=f"s-{tag}-{i}", type="movie", title=f"Sortcheck{tag} {i}", rating=r, popularity=p)
            for i, (r, p) in enumerate([(6.5, 10), (9.1, 3), (7.7, 50)])]
    await backend.upsert(docs, [])
    try:
        by_rating = await find(backend, f"sortcheck{tag}", sort=Sort.RATING)
        assert [h.id for h in by_rating.hits] == [docs[1].id, docs[2].id, docs[0].id]
        by_popularity = await find(backend, f"sortcheck{tag}", sort=Sort.POPULARITY)
        assert [h.id for h in by_popularity.hits] == [docs[2].id, docs[0].id, docs[1].id]
    finally:
        await backend.delete([d.id for d in docs])


async def test_pages_concatenate(backend: SearchBackend) -> None:
    whole = await find(backend, "star", limit=15)
    pages = [await backend.search(SearchRequest(text="star", offset=o, limit=5, facets=False))
             for o in (0, 5, 10)]
    assert [h.id for p in pages for h in p.hits] == [h.id for h in whole.hits]
    assert all(p.total == whole.total for p in pages) and pages[0].facets is None


async def test_updates_and_deletes_are_visible_after_commit(backend: SearchBackend) -> None:
    tag = uuid.uuid4().hex[:6]
    doc = MediaDoc(id=f"u-{tag}", type="tv", title=f"Vlorbix{tag} Chronicles", year=2031,
                   genres=["Drama"])
    await backend.upsert([doc], [])
    assert [h.id for h in (await find(backend, f"vlorbix{tag}")).hits] == [doc.id]
    renamed = MediaDoc(id=doc.id, type="tv", title=f"Quenzal{tag} Chronicles", year=2031, genres=["Drama"])
    await backend.upsert([renamed], [])
    assert (await find(backend, f"vlorbix{tag}")).total == 0
    result = await find(backend, f"quenzal{tag} chronicles", filters=Filters(type="tv"))
    assert [h.id for h in result.hits] == [doc.id] and result.total == 1  # replaced, not duplicated
    await backend.delete([doc.id])
    assert (await find(backend, f"quenzal{tag}")).total == 0


async def test_kid_cap_leaves_out_titles_above_it_or_unrated(backend: SearchBackend) -> None:
    tag = uuid.uuid4().hex[:6]
    docs = [MediaDoc(id=f"k-{tag}-{c}", type="movie", title=f"Kidcap{tag} {c}", certification=c,
                     cert_level=lvl) for c, lvl in (("PG", 10), ("R", 17), ("unrated", None))]
    await backend.upsert(docs, [])
    try:
        def visible(cap: int | None) -> Filters:
            return Filters(max_cert_level=cap)
        assert (await find(backend, f"kidcap{tag}")).total == 3
        kid = await find(backend, f"kidcap{tag}", filters=visible(10))
        assert [h.title for h in kid.hits] == [f"Kidcap{tag} PG"]
        assert kid.facets is not None and kid.facets.counts["certification"] == {"PG": 1}
        suggestions = await backend.autocomplete(f"kidcap{tag}", 10, 10)
        assert [s.label for s in suggestions if s.kind == "media"] == [f"Kidcap{tag} PG"]
    finally:
        await backend.delete([d.id for d in docs])


async def test_autocomplete_returns_titles_and_people(backend: SearchBackend) -> None:
    tag = uuid.uuid4().hex[:6]
    person = PersonDoc(id=f"p-{tag}", name=f"Matthew Mcconaughey{tag}", known_for=40)
    await backend.upsert([], [person])
    try:
        found = await backend.autocomplete(f"mcconaughey{tag[:3]}", 5, None)
        assert [(s.kind, s.label) for s in found] == [("person", person.name)]
        assert found[0].highlighted.startswith("Matthew <mark>")
        found = await backend.autocomplete("interst", 5, None)
        assert "Interstellar" in [s.label for s in found if s.kind == "media"]
        assert all(s.kind == "media" for s in found)
    finally:
        await backend.delete([person.id])
    assert not [s for s in await backend.autocomplete(f"mcconaughey{tag}", 5, None) if s.kind == "person"]


async def test_check_reports_missing_stale_and_orphans(backend: SearchBackend, driver: AsyncDriver) -> None:
    report = await indexer.repair(driver, backend)
    report = await indexer.check(driver, backend)
    assert report.ok, report.summary()
    records, _, _ = await driver.execute_query(
        "MATCH (m:Media) WHERE m.movielens_id IN [1, 2] RETURN m.uid AS uid ORDER BY m.movielens_id")
    toy_story, jumanji = (r["uid"] for r in records)
    await backend.delete([toy_story])
    await backend.upsert([MediaDoc(id=jumanji, type="movie", title="Jumanji (old copy)")], [])
    orphan = MediaDoc(id=f"o-{uuid.uuid4().hex[:6]}", type="movie", title="Not in Neo4j")
    await backend.upsert([orphan], [])
    report = await indexer.check(driver, backend)
    assert (report.missing, report.stale, report.orphans) == ([toy_story], [jumanji], [orphan.id])
    await indexer.repair(driver, backend)
    assert (await indexer.check(driver, backend)).ok
    assert "Jumanji" in titles(await find(backend, "jumanji"))
