"""newReleases and the day's / week's highlights, checked against the graph."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from neo4j import AsyncDriver

from app.activity import repository as activity
from graph_model import Genre, Media

from ..accounts.helpers import gql

HIGHLIGHTS = """query($period: HighlightPeriod!, $asOf: DateTime) {
  highlights(period: $period, perGenre: 2, asOf: $asOf) {
    genre { name } titles { media { title } averageRating ratingCount } } }"""


async def test_new_releases_are_the_newest_released_titles(api: httpx.AsyncClient, driver: AsyncDriver,
                                                           movielens_catalog: object) -> None:
    body = await gql(api, "{ newReleases(first: 30) { title year } }")
    years = [m["year"] for m in body["data"]["newReleases"]]
    records, _, _ = await driver.execute_query(
        "MATCH (m:Media) WHERE m.year <= date().year RETURN max(m.year) AS newest")
    assert len(years) == 30 and years == sorted(years, reverse=True) and years[0] == records[0]["newest"]
    docs = (await gql(api, '{ newReleases(first: 10, genre: "Documentary") { genres { name } } }'))
    assert len(docs["data"]["newReleases"]) == 10
    assert all({"name": "Documentary"} in m["genres"] for m in docs["data"]["newReleases"])
    bad = await gql(api, "{ newReleases(first: 0) { title } }")
    assert bad["errors"][0]["extensions"]["field"] == "first"


@pytest.fixture
async def rated_this_week(driver: AsyncDriver, movielens_catalog: object) -> AsyncIterator[dict[str, Any]]:
    """Three titles in a genre of their own, rated now by MovieLens demo profiles."""
    tag = uuid.uuid4().hex[:6]
    genre = await Genre(name=f"Highlight {tag}").save()
    titles = {}
    for name in ("Loved", "Liked", "Once"):
        m = await Media(type="movie", title=f"{name} {tag}", certification="PG").save()
        await m.genres.connect(genre)
        titles[name] = m
    records, _, _ = await driver.execute_query(
        "MATCH (u:User)-[:HAS_PROFILE]->(p:Profile {is_primary: true}) WHERE u.external_key IS NOT NULL "
        "RETURN u.uid AS user, p.uid AS profile ORDER BY u.external_key LIMIT 5")
    for n, r in enumerate(records):
        scores = {"Loved": 9 + n % 2, "Liked": 7 - n % 2, **({"Once": 10} if n < 4 else {})}
        for name, rating in scores.items():
            await activity.rate(driver, r["user"], r["profile"], titles[name].uid, rating)
    yield {"genre": genre.name, "titles": titles}
    for m in titles.values():
        await m.delete()
    await genre.delete()


async def test_highlights_rank_the_periods_ratings_per_genre(
    api: httpx.AsyncClient, rated_this_week: dict[str, Any],
) -> None:
    tag = rated_this_week["genre"].split()[-1]

    async def ours(token: str | None = None, **variables: Any) -> list[dict[str, Any]] | None:
        body = await gql(api, HIGHLIGHTS, token=token, **variables)
        found = [g["titles"] for g in body["data"]["highlights"] if g["genre"]["name"] == rated_this_week["genre"]]
        return found[0] if found else None

    # "Once" has four ratings, under the floor of five; the others rank by their average
    expected = [{"media": {"title": f"Loved {tag}"}, "averageRating": 9.4, "ratingCount": 5},
                {"media": {"title": f"Liked {tag}"}, "averageRating": 6.6, "ratingCount": 5}]
    assert await ours(period="DAY") == expected
    assert await ours(period="WEEK") == expected
    two_days_ago = (dt.datetime.now(dt.UTC) - dt.timedelta(days=2)).isoformat()
    assert await ours(period="DAY", asOf=two_days_ago) is None  # nothing was rated that day
    assert await ours(period="WEEK", asOf=two_days_ago) is None
    # fewer than five ratings would give one person's rating away
    few = await gql(api, "{ highlights(minRatings: 2) { genre { name } } }")
    assert few["errors"][0]["extensions"]["field"] == "minRatings"
