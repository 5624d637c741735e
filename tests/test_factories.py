"""Each factory makes what it says, as the API then shows it."""

import httpx
from fastapi import FastAPI
from neo4j import AsyncDriver

from .accounts.helpers import gql
from .factories import follow, list_, profile, review, titles, user

LIST = """query($id: ID!) { list(id: $id) { name visibility owner { id }
  items { edges { node { media { id } } } } } }"""


async def test_a_user_is_verified_signed_in_and_has_its_system_lists(api: httpx.AsyncClient, app: FastAPI) -> None:
    me = await user(app, name="Factory Person")
    body = await gql(api, "{ me { id email activeProfile { id } } lists { name isSystem } }", token=me.token)
    assert body["data"]["me"] == {"id": me.id, "email": me.email, "activeProfile": {"id": me.profile}}
    assert [x["name"] for x in body["data"]["lists"] if x["isSystem"]] == [
        "Favorites", "To Watch", "Watching", "Completed"]


async def test_a_second_profile(api: httpx.AsyncClient, app: FastAPI) -> None:
    me = await user(app)
    kid = await profile(app, me, "Little One", is_kid=True)
    body = await gql(api, "{ myProfiles { id name isKid } }", token=me.token)
    assert {"id": kid.id, "name": "Little One", "isKid": True} in body["data"]["myProfiles"]


async def test_follow_makes_a_friend_of_a_friends_only_account(api: httpx.AsyncClient, app: FastAPI) -> None:
    a, b = await user(app), await user(app)
    await follow(app, a, b)
    await follow(app, b, a)
    shelf = await list_(app, b, visibility="friends")
    # friends-only lists show between mutual follows
    seen = (await gql(api, LIST, token=a.token, id=shelf.id))["data"]["list"]
    assert seen is not None and seen["owner"] == {"id": b.profile}


async def test_a_list_holds_its_titles_in_order(api: httpx.AsyncClient, app: FastAPI, driver: AsyncDriver) -> None:
    me = await user(app)
    m1, m2, m3 = await titles(driver, 3)
    shelf = await list_(app, me, name="Rainy Sundays", visibility="public", titles=[m3, m1, m2])
    data = (await gql(api, LIST, id=shelf.id))["data"]["list"]  # public: anyone reads it
    assert data["name"] == "Rainy Sundays" and data["visibility"] == "PUBLIC"
    assert [e["node"]["media"]["id"] for e in data["items"]["edges"]] == [m3, m1, m2] == list(shelf.titles)


async def test_a_review(api: httpx.AsyncClient, app: FastAPI, driver: AsyncDriver) -> None:
    me = await user(app)
    [m] = await titles(driver, 1)
    made = await review(app, me, m)
    body = await gql(api, "query($id: ID!) { review(id: $id) { mediaId visibility author { id } } }", id=made.id)
    assert body["data"]["review"] == {"mediaId": m, "visibility": "PUBLIC", "author": {"id": me.profile}}
