"""The real MovieLens catalog, imported into the real Neo4j."""

from neo4j import AsyncDriver

from ingest.graph_load import graph_counts
from ingest.movielens import pipeline
from ingest.report import ImportReport


async def one(driver: AsyncDriver, query: str, **params: object) -> dict:
    records, _, _ = await driver.execute_query(query, params)
    return records[0].data()


async def test_catalog_counts(driver: AsyncDriver, movielens_catalog: ImportReport) -> None:
    got = await one(driver, """
        MATCH (m:Media) WHERE m.external_key STARTS WITH 'movielens:'
        RETURN count(m) AS movies, count(m.tmdb_id) AS with_tmdb, count(m.imdb_id) AS with_imdb""")
    assert got == {"movies": 9742, "with_tmdb": 9742 - 8 - 1, "with_imdb": 9742}
    got = await one(driver, """
        MATCH (u:User)-[:HAS_PROFILE]->(p:Profile {is_primary: true})
        WHERE u.external_key STARTS WITH 'movielens:'
        RETURN count(DISTINCT u) AS users, count(p) AS profiles""")
    assert got == {"users": 610, "profiles": 610}
    got = await one(driver, """
        MATCH (u:User)-[:HAS_PROFILE]->(:Profile)-[r:RATED]->(m:Media)
        WHERE u.external_key STARTS WITH 'movielens:'
        RETURN count(r) AS ratings, min(r.rating) AS low, max(r.rating) AS high""")
    assert got == {"ratings": 100836, "low": 1, "high": 10}
    assert (await one(driver, "MATCH (g:Genre) RETURN count(g) AS n"))["n"] >= 19
    # tags.csv has 3683 rows; the same (user, movie, tag) written twice is one relationship
    got = await one(driver, """
        MATCH (u:User)-[:HAS_PROFILE]->(:Profile)-[t:TAGGED]->(:Media)
        WHERE u.external_key STARTS WITH 'movielens:'
        RETURN count(t) AS tags, count(DISTINCT t.tag) AS distinct_tags""")
    assert got == {"tags": 3683, "distinct_tags": 1589}


async def test_title_year_genres_and_links(driver: AsyncDriver, movielens_catalog: ImportReport) -> None:
    toy = await one(driver, """
        MATCH (m:Media {movielens_id: 1})-[:IN_GENRE]->(g:Genre)
        WITH m, g ORDER BY g.name
        RETURN m.title AS title, m.year AS year, m.tmdb_id AS tmdb, m.imdb_id AS imdb,
               collect(g.name) AS genres""")
    assert toy == {"title": "Toy Story", "year": 1995, "tmdb": "862", "imdb": "tt0114709",
                   "genres": ["Adventure", "Animation", "Children", "Comedy", "Fantasy"]}
    matrix = await one(driver, "MATCH (m:Media {movielens_id: 2571}) RETURN m.title AS t, m.year AS y")
    assert matrix == {"t": "The Matrix", "y": 1999}


async def test_half_stars_become_one_to_ten(driver: AsyncDriver, movielens_catalog: ImportReport) -> None:
    # ratings.csv: "1,1,4.0,964982703" and "1,3,4.0,..." ; user 3 gave movie 31 0.5 stars
    got = await one(driver, """
        MATCH (:User {external_key: 'movielens:1'})-[:HAS_PROFILE]->(p)-[r:RATED]->(:Media {movielens_id: 1})
        RETURN r.rating AS rating, r.rated_at.epochSeconds AS ts""")
    assert got == {"rating": 8, "ts": 964982703}
    got = await one(driver, """
        MATCH (:User {external_key: 'movielens:3'})-[:HAS_PROFILE]->(p)-[r:RATED]->(:Media {movielens_id: 31})
        RETURN r.rating AS rating""")
    assert got == {"rating": 1}


async def test_bad_rows_reported_with_file_and_line(movielens_catalog: ImportReport) -> None:
    # The shared copy of ratings.csv ends with a rating for a movie that does not exist.
    assert [str(p) for p in movielens_catalog.problems] == [
        "ratings.csv:100838: rating for unknown movieId 999999"]
    # MovieLens lists "Confessions of a Dangerous Mind" twice with one TMDb id.
    assert any(w.file == "movies.csv" and w.line == 9108 and "4912" in w.message
               for w in movielens_catalog.warnings)


async def test_second_import_changes_no_count(driver: AsyncDriver, movielens_catalog: ImportReport) -> None:
    before = await graph_counts(driver)
    await pipeline.run(driver, progress=False)
    assert await graph_counts(driver) == before
