"""A kid profile never sees a title above its certification cap, in any listing."""

import uuid
from collections.abc import AsyncIterator, Awaitable, Callable

import httpx
import pytest
from fastapi import FastAPI
from neo4j import AsyncDriver

from graph_model import Genre, Media, Person
from search import indexer

from ..mailbox import Mailbox
from .helpers import LOGIN, PASSWORD, gql, signed_up


@pytest.fixture
async def rated_titles(driver: AsyncDriver) -> AsyncIterator[dict[str, Media]]:
    tag = uuid.uuid4().hex[:8]
    genre = await Genre(name=f"Kidtest {tag}").save()
    person = await Person(name=f"Actor {tag}").save()
    titles = {}
    for cert in ("R", "PG", "TV-MA", None):
        m = await Media(type="movie", title=f"Kidtest {tag} {cert or 'unrated'}", certification=cert).save()
        await m.genres.connect(genre)
        await person.acted_in.connect(m, {"character": "Lead"})
        titles[cert or "unrated"] = m
    titles["_person"], titles["_genre"] = person, genre  # type: ignore[assignment]
    yield titles
    for node in titles.values():
        await node.delete()





async def test_kid_profile_sees_no_r_rated_title_anywhere(
    api: httpx.AsyncClient, smtp: Mailbox, run_jobs: Callable[[], Awaitable[None]],
    rated_titles: dict[str, Media],
) -> None:
    _, tokens = await signed_up(api, smtp, run_jobs)
    parent = tokens["accessToken"]
    prefix = rated_titles["R"].title.rsplit(" ", 1)[0]
    genre = rated_titles["_genre"].name  # type: ignore[attr-defined]
    person = rated_titles["_person"].uid  # type: ignore[attr-defined]

    kid = (await gql(api, 'mutation { createProfile(name: "Robin", isKid: true) { id isKid maxCertLevel privacy } }',
                     token=parent))["data"]["createProfile"]
    assert kid["isKid"] and kid["maxCertLevel"] == 10 and kid["privacy"] == "PRIVATE"
    switched = await gql(api, "mutation($p: ID!) { switchProfile(profileId: $p) { accessToken profile { name } } }",
                         token=parent, p=kid["id"])
    kid_token = switched["data"]["switchProfile"]["accessToken"]
    me = await gql(api, "{ me { activeProfile { name isKid } } }", token=kid_token)
    assert me["data"]["me"]["activeProfile"] == {"name": "Robin", "isKid": True}

    async def visible(token: str) -> dict[str, object]:
        body = await gql(api, """query($prefix: String!, $r: ID!, $pg: ID!, $person: ID!) {
          mediaList(filter: {titlePrefix: $prefix}, first: 50) { totalCount edges { node { title } } }
          genres { name mediaCount }
          r: media(id: $r) { title }
          pg: media(id: $pg) { title }
          person(id: $person) { credits { media { title } } } }""", token=token, prefix=prefix,
          r=rated_titles["R"].uid, pg=rated_titles["PG"].uid, person=person)
        data = body["data"]
        counts = {g["name"]: g["mediaCount"] for g in data["genres"]}
        return {
            "list": sorted(e["node"]["title"].rsplit(" ", 1)[1] for e in data["mediaList"]["edges"]),
            "total": data["mediaList"]["totalCount"], "genre_count": counts[genre],
            "r": data["r"], "pg": data["pg"] is not None,
            "credits": sorted(c["media"]["title"].rsplit(" ", 1)[1] for c in data["person"]["credits"]),
        }

    assert await visible(parent) == {"list": ["PG", "R", "TV-MA", "unrated"], "total": 4, "genre_count": 4,
                                      "r": {"title": rated_titles["R"].title}, "pg": True,
                                      "credits": ["PG", "R", "TV-MA", "unrated"]}
    # The kid sees the PG title only: R and TV-MA are above the cap, and a title with no
    # known certification is not shown to kids either.
    assert await visible(kid_token) == {"list": ["PG"], "total": 1, "genre_count": 1, "r": None,
                                        "pg": True, "credits": ["PG"]}
    page = await api.get("/", params={"genre": genre}, headers={"Authorization": f"Bearer {kid_token}"})
    assert rated_titles["PG"].title in page.text and rated_titles["R"].title not in page.text

    # nor can it write about what it cannot see (and the answer does not say the title exists)
    for write in ("mutation($m: ID!) { rateMedia(mediaId: $m, rating: 7) { rating } }",
                  "mutation($m: ID!) { markAsWatched(mediaId: $m) { watchCount } }",
                  'mutation($m: ID!) { markOwned(mediaId: $m, format: "dvd") }'):
        body = await gql(api, write, token=kid_token, m=rated_titles["R"].uid)
        assert body["errors"][0]["message"] == "No such title", write
    review = await gql(api, "mutation($m: ID!) { createReview(input: {mediaId: $m, content: \"a long enough text for a review\"}) { id } }",
                       token=kid_token, m=rated_titles["R"].uid)
    assert review["errors"][0]["message"] == "No such title"

    # a stale or revoked token does not fall back to the uncapped anonymous catalog
    assert await visible("not-a-valid-token") == {"list": [], "total": 0, "genre_count": 0, "r": None,
                                                  "pg": False, "credits": []}

    # the kid cannot lift its own cap; the parent can
    lift = "mutation($id: ID!) { updateProfile(id: $id, input: {maxCertLevel: 18}) { maxCertLevel } }"
    assert "grown-up profile" in (await gql(api, lift, token=kid_token, id=kid["id"]))["errors"][0]["message"]
    assert (await gql(api, lift, token=parent, id=kid["id"]))["data"]["updateProfile"]["maxCertLevel"] == 18


async def test_a_kid_profile_is_a_boundary(
    api: httpx.AsyncClient, smtp: Mailbox, run_jobs: Callable[[], Awaitable[None]]
) -> None:
    email, tokens = await signed_up(api, smtp, run_jobs)
    parent = tokens["accessToken"]
    me = await gql(api, "{ me { activeProfile { id } } }", token=parent)
    main_id = me["data"]["me"]["activeProfile"]["id"]
    kid = (await gql(api, 'mutation { createProfile(name: "Sam", isKid: true) { id } }',
                     token=parent))["data"]["createProfile"]["id"]
    # a second device (another sign-in) hands itself to the kid
    device = (await gql(api, LOGIN, email=email, pw=PASSWORD))["data"]["login"]
    switch = "mutation($p: ID!, $pw: String) { switchProfile(profileId: $p, password: $pw) { accessToken } }"
    kid_token = (await gql(api, switch, token=device["accessToken"], p=kid))["data"]["switchProfile"]["accessToken"]

    for query in ('mutation { createProfile(name: "Grown Up", isKid: false) { id } }',
                  "mutation { startTwoFactorSetup { secret } }",
                  'mutation { createApiToken(name: "t", scopes: ["read"]) { token } }',
                  "mutation { logoutEverywhere }", "{ mySessions { id } }", "{ auditLog { kind } }"):
        body = await gql(api, query, token=kid_token)
        assert body["errors"][0]["message"] == "Switch to a grown-up profile to manage the account", query
    # leaving the kid profile needs the account password
    no_pw = await gql(api, switch, token=kid_token, p=main_id)
    assert no_pw["errors"][0]["extensions"]["field"] == "password"
    wrong = await gql(api, switch, token=kid_token, p=main_id, pw="guess-guess-1")
    assert wrong["errors"][0]["message"] == "Password is not correct"
    back = await gql(api, switch, token=kid_token, p=main_id, pw=PASSWORD)
    assert back["data"]["switchProfile"]["accessToken"]
    kid_again = (await gql(api, switch, token=back["data"]["switchProfile"]["accessToken"], p=kid)
                 )["data"]["switchProfile"]["accessToken"]

    # deleting the kid profile signs its device out at once
    assert (await gql(api, "mutation($id: ID!) { deleteProfile(id: $id) }", token=parent, id=kid)
            )["data"]["deleteProfile"] is True
    gone = await gql(api, "{ me { email } }", token=kid_again)
    assert gone["errors"][0]["message"] == "This session was signed out"


async def test_profile_fields_are_validated(api: httpx.AsyncClient, smtp: Mailbox,
                                           run_jobs: Callable[[], Awaitable[None]]) -> None:
    _, tokens = await signed_up(api, smtp, run_jobs)
    t = tokens["accessToken"]
    me = await gql(api, "{ me { activeProfile { id } } }", token=t)
    pid = me["data"]["me"]["activeProfile"]["id"]
    update = "mutation($id: ID!, $in: ProfileInput!) { updateProfile(id: $id, input: $in) { name bio timezone privacy socialLinks { label url } } }"
    for value, field in (({"name": "x" * 51}, "name"), ({"bio": "b" * 501}, "bio"),
                         ({"timezone": "Mars/Olympus"}, "timezone"),
                         ({"socialLinks": [{"label": "site", "url": "javascript:alert(1)"}]}, "socialLinks")):
        body = await gql(api, update, token=t, id=pid, **{"in": value})
        assert body["errors"][0]["extensions"]["field"] == field, body
    ok = await gql(api, update, token=t, id=pid, **{"in": {
        "bio": "Films at night", "timezone": "Europe/Paris", "privacy": "PUBLIC",
        "socialLinks": [{"label": "blog", "url": "https://example.com/me"}]}})
    assert ok["data"]["updateProfile"] == {"name": "Test Person", "bio": "Films at night",
                                           "timezone": "Europe/Paris", "privacy": "PUBLIC",
                                           "socialLinks": [{"label": "blog", "url": "https://example.com/me"}]}
    guest = await gql(api, 'mutation { createProfile(name: "Guest", isGuest: true) { id isGuest } }', token=t)
    assert guest["data"]["createProfile"]["isGuest"]
    profiles = await gql(api, "{ myProfiles { name } }", token=t)
    assert [p["name"] for p in profiles["data"]["myProfiles"]] == ["Test Person", "Guest"]
    main = await gql(api, "mutation($id: ID!) { deleteProfile(id: $id) }", token=t, id=pid)
    assert main["errors"][0]["extensions"]["field"] == "id"


async def test_a_kid_sees_uncertified_childrens_titles_and_no_other(
    api: httpx.AsyncClient, smtp: Mailbox, run_jobs: Callable[[], Awaitable[None]], driver: AsyncDriver,
    movielens_catalog: object, app: FastAPI,
) -> None:
    """MovieLens certifies nothing: its Children titles count as PG, the rest stay hidden."""
    await indexer.repair(driver, app.state.search, app.state.redis)
    rows, _, _ = await driver.execute_query(
        "MATCH (m:Media) WHERE m.movielens_id IN [1, 6] RETURN m.movielens_id AS ml, m.uid AS uid, m.title AS title")
    by_id = {r["ml"]: r for r in rows}
    toy_story, heat = by_id[1], by_id[6]  # Adventure|Animation|Children|..., Action|Crime|Thriller
    _, tokens = await signed_up(api, smtp, run_jobs)
    parent = tokens["accessToken"]
    kid = (await gql(api, 'mutation { createProfile(name: "Kim", isKid: true) { id } }',
                     token=parent))["data"]["createProfile"]["id"]
    kid_token = (await gql(api, "mutation($p: ID!) { switchProfile(profileId: $p) { accessToken } }",
                           token=parent, p=kid))["data"]["switchProfile"]["accessToken"]
    query = """query($a: ID!, $b: ID!) { a: media(id: $a) { title } b: media(id: $b) { title }
      toy: searchMedia(input: {query: "toy story"}) { edges { node { title } } }
      heat: searchMedia(input: {query: "heat"}) { edges { node { title } } } }"""
    seen = (await gql(api, query, token=kid_token, a=toy_story["uid"], b=heat["uid"]))["data"]
    assert seen["a"] == {"title": toy_story["title"]} and seen["b"] is None
    assert toy_story["title"] in [e["node"]["title"] for e in seen["toy"]["edges"]]
    assert heat["title"] not in [e["node"]["title"] for e in seen["heat"]["edges"]]
    grown = (await gql(api, query, token=parent, a=toy_story["uid"], b=heat["uid"]))["data"]
    assert grown["b"] == {"title": heat["title"]}
