"""The GraphQL API over the imported MovieLens catalog."""

from typing import Any

import httpx
from neo4j import AsyncDriver

from graph_model import Media, Person


async def gql(api: httpx.AsyncClient, query: str, **variables: Any) -> dict[str, Any]:
    response = await api.post("/graphql", json={"query": query, "variables": variables})
    assert response.status_code == 200, response.text
    return response.json()


async def toy_story_id(driver: AsyncDriver) -> str:
    records, _, _ = await driver.execute_query("MATCH (m:Media {movielens_id: 1}) RETURN m.uid AS id")
    return records[0]["id"]


async def test_media_by_id_has_genres_and_ratings(api: httpx.AsyncClient, driver: AsyncDriver) -> None:
    body = await gql(api, """query($id: ID!) { media(id: $id) {
        title year type tmdbId imdbId genres { name } averageRating ratingCount } }""",
        id=await toy_story_id(driver))
    media = body["data"]["media"]
    assert media["title"] == "Toy Story" and media["year"] == 1995 and media["type"] == "MOVIE"
    assert (media["tmdbId"], media["imdbId"]) == ("862", "tt0114709")
    assert [g["name"] for g in media["genres"]] == ["Adventure", "Animation", "Children", "Comedy", "Fantasy"]
    records, _, _ = await driver.execute_query(
        "MATCH (:Profile)-[r:RATED]->(:Media {movielens_id: 1}) RETURN count(r) AS n, avg(r.rating) AS avg")
    # 215 MovieLens ratings, plus any that other tests added
    assert media["ratingCount"] == records[0]["n"] >= 215
    assert media["averageRating"] == round(records[0]["avg"], 2)


async def test_streaming_availability_from_the_model(api: httpx.AsyncClient) -> None:
    movie = await Media(type="movie", title="Streams", streaming_availability=[
        {"provider": "Netflix", "kind": "flatrate", "region": "US"}]).save()
    try:
        body = await gql(api, "query($id: ID!) { media(id: $id) { streamingAvailability { provider kind region url } } }",
                         id=movie.uid)
        assert body["data"]["media"]["streamingAvailability"] == [
            {"provider": "Netflix", "kind": "flatrate", "region": "US", "url": None}]
    finally:
        await movie.delete()


async def test_unknown_media_is_null(api: httpx.AsyncClient) -> None:
    body = await gql(api, '{ media(id: "no-such-id") { title } }')
    assert body == {"data": {"media": None}}


async def test_media_list_pages_cover_the_filter_exactly_once(api: httpx.AsyncClient, driver: AsyncDriver) -> None:
    query = """query($after: String) {
      mediaList(filter: {genres: ["Film-Noir"], yearFrom: 1940, yearTo: 1959}, first: 7, after: $after) {
        totalCount edges { cursor node { id title year } } pageInfo { hasNextPage endCursor } } }"""
    seen: list[str] = []
    after = None
    while True:
        conn = (await gql(api, query, after=after))["data"]["mediaList"]
        seen += [e["node"]["id"] for e in conn["edges"]]
        assert all(1940 <= e["node"]["year"] <= 1959 for e in conn["edges"])
        if not conn["pageInfo"]["hasNextPage"]:
            break
        after = conn["pageInfo"]["endCursor"]
    records, _, _ = await driver.execute_query("""
        MATCH (m:Media)-[:IN_GENRE]->(:Genre {name: 'Film-Noir'})
        WHERE 1940 <= m.year <= 1959 RETURN collect(m.uid) AS ids""")
    assert len(seen) == len(set(seen)) == conn["totalCount"]
    assert sorted(seen) == sorted(records[0]["ids"])
    assert len(seen) > 7  # more than one page was walked


async def test_genres_with_counts(api: httpx.AsyncClient, driver: AsyncDriver) -> None:
    genres = (await gql(api, "{ genres { name mediaCount } }"))["data"]["genres"]
    by_name = {g["name"]: g["mediaCount"] for g in genres}
    records, _, _ = await driver.execute_query(
        "MATCH (:Genre {name: 'Animation'})<-[:IN_GENRE]-(m:Media) RETURN count(m) AS n")
    assert by_name["Animation"] == records[0]["n"] > 0


async def test_person_and_cast(api: httpx.AsyncClient, driver: AsyncDriver) -> None:
    movie = await Media.nodes.get(uid=await toy_story_id(driver))
    person = await Person(name="Tom Hanks (test)").save()
    await person.acted_in.connect(movie, {"character": "Woody", "order": 0})
    try:
        body = await gql(api, """query($p: ID!, $m: ID!) {
            person(id: $p) { name credits { role character media { title } } }
            media(id: $m) { cast { character person { name } } } }""", p=person.uid, m=movie.uid)
        assert body["data"]["person"] == {"name": "Tom Hanks (test)", "credits": [
            {"role": "ACTED_IN", "character": "Woody", "media": {"title": "Toy Story"}}]}
        assert {"character": "Woody", "person": {"name": "Tom Hanks (test)"}} in body["data"]["media"]["cast"]
    finally:
        await person.delete()


async def test_bad_arguments_name_the_field(api: httpx.AsyncClient) -> None:
    body = await gql(api, "{ mediaList(first: 1000) { edges { cursor } } }")
    assert body["errors"][0]["extensions"]["field"] == "first"
    assert "between 1 and 100" in body["errors"][0]["message"]
    body = await gql(api, '{ mediaList(after: "garbage!") { edges { cursor } } }')
    assert body["errors"][0]["extensions"]["field"] == "after"
    body = await gql(api, "{ mediaList(filter: {yearFrom: 2000, yearTo: 1990}) { edges { cursor } } }")
    assert body["errors"][0]["extensions"]["field"] == "filter.yearFrom"


async def test_depth_and_cost_limits(api: httpx.AsyncClient) -> None:
    deep = "{ mediaList { edges { node { cast { person { credits { media { cast { person { credits { media { title } } } } } } } } } } } }"
    body = await gql(api, deep)
    assert "Query depth 11 exceeds the limit of 8" in body["errors"][0]["message"]
    wide = "{ mediaList(first: 100) { edges { node { cast { person { credits { media { title genres { name } } } } } } } } }"
    body = await gql(api, wide)
    assert "Query cost" in body["errors"][0]["message"]
    assert "data" not in body or body["data"] is None
    # leaving `first` out counts its default page of 20, not 1
    body = await gql(api, "{ mediaList { edges { node { cast { person { credits { media { genres { name } } } } } } } } }")
    assert "Query cost" in body["errors"][0]["message"]


async def test_fragment_chains_are_checked_in_linear_time(api: httpx.AsyncClient) -> None:
    links = 40  # each fragment spreads the next twice: 2**40 expansions if walked naively
    frags = " ".join(f"fragment F{i} on Media {{ title ...F{i + 1} ...F{i + 1} }}" for i in range(links))
    query = f"{{ mediaList(first: 1) {{ edges {{ node {{ ...F0 }} }} }} }} {frags} fragment F{links} on Media {{ year }}"
    body = await gql(api, query)
    assert "more than 50 times" in body["errors"][0]["message"]


async def test_healthz(api: httpx.AsyncClient) -> None:
    response = await api.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["neo4j"]["status"] == body["checks"]["redis"]["status"] == "ok"
    assert body["checks"]["search"]["status"] == "ok"
    assert response.headers["x-request-id"]


async def test_too_many_aliases(api: httpx.AsyncClient) -> None:
    query = "{ " + " ".join(f"a{i}: genres {{ name }}" for i in range(31)) + " }"
    body = await gql(api, query)
    assert body["errors"][0]["message"] == "Query uses 31 aliases; the limit is 30"


async def test_oversized_bodies_are_refused(api: httpx.AsyncClient) -> None:
    big = "{ genres { name } }" + " " * 300_000
    response = await api.post("/graphql", json={"query": big})
    assert response.status_code == 413
