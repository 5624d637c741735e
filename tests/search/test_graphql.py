"""searchMedia and autocomplete through GraphQL, over the app's own index, kept in step
by the worker's jobs."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from neo4j import AsyncDriver

from app.search.service import encode_cursor
from graph_model import Media
from search import indexer

from ..accounts.helpers import gql, signed_up
from ..mailbox import Mailbox

SEARCH = """query($in: SearchInput!) { searchMedia(input: $in) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { cursor score highlights { field value } node { id title year genres { name } } }
  facets { genres { value count } types { value count } decades { value count }
           year { min max } rating { min max } } } }"""
AUTOCOMPLETE = """query($p: String!) { autocomplete(prefix: $p, limit: 5) {
  media { id title year type highlighted } people { id name highlighted } } }"""


@pytest.fixture(scope="module")
async def indexed(app: FastAPI, driver: AsyncDriver) -> FastAPI:
    await indexer.reindex(driver, app.state.search, app.state.redis)
    return app


async def search(api: httpx.AsyncClient, token: str | None = None, **given: Any) -> dict[str, Any]:
    return await gql(api, SEARCH, token=token, **{"in": given})


async def test_typo_query_with_highlights_and_facets(api: httpx.AsyncClient, indexed: FastAPI) -> None:
    body = await search(api, query="shawshenk redemtion", filters={"genres": ["Drama"]})
    result = body["data"]["searchMedia"]
    assert result["totalCount"] == 1
    [edge] = result["edges"]
    assert edge["node"]["title"] == "The Shawshank Redemption" and edge["node"]["year"] == 1994
    assert {"name": "Drama"} in edge["node"]["genres"] and edge["score"] > 0
    [highlight] = edge["highlights"]  # Meilisearch marks a typed prefix's length, tantivy the word
    assert highlight["field"] == "title"
    assert highlight["value"].startswith("The <mark>Shawshank</mark> <mark>Redemptio")
    facets = result["facets"]
    assert {"value": "Drama", "count": 1} in facets["genres"] and facets["types"] == [{"value": "MOVIE", "count": 1}]
    assert facets["decades"] == [{"value": "1990", "count": 1}] and facets["year"] == {"min": 1994, "max": 1994}


async def test_short_and_bad_input_name_the_field(api: httpx.AsyncClient, indexed: FastAPI) -> None:
    for given, field, message in (
        ({"query": " a "}, "input.query", "Enter at least 2 characters"),
        ({"query": "x" * 201}, "input.query", "query must be at most 200 characters"),
        ({"query": "!! --"}, "input.query", "Enter at least one letter or digit"),
        ({"query": "star", "first": 500}, "input.first", "first must be between 1 and 100"),
        ({"query": "star", "after": "not-a-cursor"}, "input.after", "Invalid cursor: input.after must be a cursor this API returned"),
        ({"query": "star", "filters": {"yearFrom": 1700}}, "input.filters.yearFrom", None),
        ({"query": "star", "filters": {"yearFrom": 2000, "yearTo": 1990}}, "input.filters.yearFrom", None),
        ({"query": "star", "filters": {"ratingMin": 11}}, "input.filters.ratingMin", None),
        ({"query": "star", "filters": {"genres": ["x" * 51]}}, "input.filters.genres", None),
        ({"query": "star", "filters": {"providers": [str(i) for i in range(21)]}}, "input.filters.providers", None),
    ):
        [error] = (await search(api, **given))["errors"]
        assert error["extensions"]["field"] == field, given
        if message:
            assert error["message"] == message
    [error] = (await gql(api, AUTOCOMPLETE, p="s"))["errors"]
    assert (error["message"], error["extensions"]["field"]) == ("Enter at least 2 characters", "prefix")


async def test_cursor_pages(api: httpx.AsyncClient, indexed: FastAPI) -> None:
    whole = (await search(api, query="star", first=10))["data"]["searchMedia"]
    first = (await search(api, query="star", first=5))["data"]["searchMedia"]
    assert first["pageInfo"]["hasNextPage"] and first["totalCount"] == whole["totalCount"] > 10
    second = (await search(api, query="star", first=5, after=first["pageInfo"]["endCursor"]))["data"]["searchMedia"]
    ids = [e["node"]["id"] for e in first["edges"] + second["edges"]]
    assert ids == [e["node"]["id"] for e in whole["edges"]]
    deep = await search(api, query="star", first=100, after=encode_cursor(950))
    assert deep["errors"][0]["extensions"]["field"] == "input.after"


async def test_autocomplete_titles_and_people(api: httpx.AsyncClient, indexed: FastAPI) -> None:
    body = (await gql(api, AUTOCOMPLETE, p="interst"))["data"]["autocomplete"]
    assert "Interstellar" in [m["title"] for m in body["media"]]
    hit = next(m for m in body["media"] if m["title"] == "Interstellar")
    assert hit["highlighted"] == "<mark>Interst</mark>ellar" and hit["type"] == "MOVIE"


async def test_query_cost_counts_the_search_page(api: httpx.AsyncClient, indexed: FastAPI) -> None:
    deep = """{ searchMedia(input: {query: "star", first: 100}) { edges { node {
      cast { person { credits { media { title } } } } } } } }"""
    [error] = (await gql(api, deep))["errors"]
    assert "cost" in error["message"]


@pytest.fixture
async def certified(driver: AsyncDriver, indexed: FastAPI) -> AsyncIterator[dict[str, Media]]:
    tag = uuid.uuid4().hex[:8]
    titles = {c: await Media(type="movie", title=f"Searchkid{tag} {c}", certification=c).save()
              for c in ("PG", "R")}
    await indexer.index_ids(driver, indexed.state.search, [m.uid for m in titles.values()])
    yield titles
    for m in titles.values():
        await m.delete()
    await indexer.index_ids(driver, indexed.state.search, [m.uid for m in titles.values()])


async def test_kid_profile_searches_only_what_it_may_see(
    api: httpx.AsyncClient, smtp: Mailbox, run_jobs: Callable[[], Awaitable[None]],
    certified: dict[str, Media],
) -> None:
    _, tokens = await signed_up(api, smtp, run_jobs)
    parent = tokens["accessToken"]
    kid = (await gql(api, 'mutation { createProfile(name: "Kit", isKid: true) { id } }', token=parent))
    switched = await gql(api, "mutation($p: ID!) { switchProfile(profileId: $p) { accessToken } }",
                         token=parent, p=kid["data"]["createProfile"]["id"])
    kid_token = switched["data"]["switchProfile"]["accessToken"]
    text = certified["PG"].title.split()[0]

    def seen(body: dict[str, Any]) -> list[str]:
        return sorted(e["node"]["title"].split()[-1] for e in body["data"]["searchMedia"]["edges"])
    assert seen(await search(api, parent, query=text)) == ["PG", "R"]
    assert seen(await search(api, kid_token, query=text)) == ["PG"]
    kid_facets = (await search(api, kid_token, query=text))["data"]["searchMedia"]
    assert kid_facets["totalCount"] == 1
    suggested = (await gql(api, AUTOCOMPLETE, token=kid_token, p=text.lower()))["data"]["autocomplete"]
    assert [m["title"] for m in suggested["media"]] == [certified["PG"].title]
    assert seen(await search(api, "not-a-valid-token", query=text)) == []  # refused token: strictest


async def test_catalog_changes_reach_the_index_through_the_worker(
    api: httpx.AsyncClient, smtp: Mailbox, run_jobs: Callable[[], Awaitable[None]],
    indexed: FastAPI, driver: AsyncDriver,
) -> None:
    _, tokens = await signed_up(api, smtp, run_jobs)
    token = tokens["accessToken"]
    name = f"Zorblat{uuid.uuid4().hex[:6]} Harbour"
    created = await gql(api, """mutation($in: CreateMediaInput!) { createMedia(input: $in) { id } }""",
                        token=token, **{"in": {"type": "TV", "title": name, "year": 2024, "genres": ["Drama"]}})
    media_id = created["data"]["createMedia"]["id"]
    assert (await search(api, query=name))["data"]["searchMedia"]["totalCount"] == 0  # not yet synced

    async def sync() -> None:
        await indexed.state.jobs.enqueue_job("sync_search_index")
        await run_jobs()
    await sync()
    found = (await search(api, query=name.split()[0][:-1] + "x", filters={"type": "TV"}))["data"]["searchMedia"]
    assert [e["node"]["id"] for e in found["edges"]] == [media_id]  # a typo, filtered to shows
    assert found["facets"]["rating"] == {"min": None, "max": None}

    await gql(api, "mutation($m: ID!) { rateMedia(mediaId: $m, rating: 8) { rating } }", token=token, m=media_id)
    await sync()
    rated = (await search(api, query=name, filters={"ratingMin": 8}))["data"]["searchMedia"]
    assert rated["totalCount"] == 1 and rated["facets"]["rating"] == {"min": 8.0, "max": 8.0}

    # a title removed from the graph leaves the index with the repair job (and is never shown meanwhile)
    await driver.execute_query("MATCH (m:Media {uid: $id}) DETACH DELETE m", id=media_id)
    stale = (await search(api, query=name))["data"]["searchMedia"]
    assert stale["edges"] == [] and stale["totalCount"] == 1
    suggested = (await gql(api, AUTOCOMPLETE, p=name.split()[0].lower()))["data"]["autocomplete"]
    assert suggested["media"] == []  # autocomplete too shows only what Neo4j holds
    await indexed.state.jobs.enqueue_job("repair_search_index")
    await run_jobs()
    assert (await search(api, query=name))["data"]["searchMedia"]["totalCount"] == 0


async def test_search_page(api: httpx.AsyncClient, indexed: FastAPI) -> None:
    page = await api.get("/search", params={"q": "shawshenk redemtion"})
    assert page.status_code == 200
    assert "<strong>The <mark>Shawshank</mark> <mark>Redemptio" in page.text and "1 result for" in page.text
    drama = await api.get("/search", params={"q": "love", "genre": "Drama"})
    assert "in Drama" in drama.text and "More results" in drama.text
    short = await api.get("/search", params={"q": "s"})
    assert short.status_code == 422 and "Enter at least 2 characters" in short.text
    hostile = await api.get("/search", params={"q": "<script>alert(1)</script>"})
    assert "<script>alert" not in hostile.text and "&lt;script&gt;" in hostile.text
    assert 'action="/search"' in (await api.get("/")).text
