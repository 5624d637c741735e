"""Lists over the real Neo4j and Redis: validation, order after many moves, concurrency,
privacy between strangers, friends and mutual follows, scopes, events."""

import asyncio
import json
import random
from collections.abc import Awaitable, Callable

import httpx
from neo4j import AsyncDriver
from redis.asyncio import Redis

from graph_model import User

from ..accounts.helpers import gql, signed_up
from ..factories import titles
from ..mailbox import Mailbox

CREATE = """mutation($in: CreateListInput!) { createList(input: $in) { id name visibility isSystem itemCount } }"""
ADD = "mutation($l: ID!, $m: ID!, $n: String) { addToList(listId: $l, mediaId: $m, note: $n) { position note media { title } } }"
MOVE = "mutation($l: ID!, $m: ID!, $a: ID) { moveListItem(listId: $l, mediaId: $m, afterMediaId: $a) }"
ITEMS = """query($id: ID!, $after: String) { list(id: $id) { name itemCount
  items(first: 100, after: $after) { edges { cursor node { note media { id } } } hasNextPage endCursor } } }"""


async def all_items(api: httpx.AsyncClient, token: str | None, list_id: str) -> list[str]:
    out, after = [], None
    while True:
        data = (await gql(api, ITEMS, token=token, id=list_id, after=after))["data"]["list"]
        out += [e["node"]["media"]["id"] for e in data["items"]["edges"]]
        if not data["items"]["hasNextPage"]:
            return out
        after = data["items"]["endCursor"]


async def test_system_lists_and_validation(api: httpx.AsyncClient, smtp: Mailbox,
                                           run_jobs: Callable[[], Awaitable[None]], driver: AsyncDriver) -> None:
    _, t = await signed_up(api, smtp, run_jobs)
    token = t["accessToken"]
    lists = (await gql(api, "{ lists { name isSystem } }", token=token))["data"]["lists"]
    assert [x["name"] for x in lists] == ["Favorites", "To Watch", "Watching", "Completed"]
    for value, field, message in (({"name": "x"}, "name", "List name must be 2-100 characters"),
                                  ({"name": "y" * 101}, "name", "List name must be 2-100 characters"),
                                  ({"name": "Fine", "description": "d" * 501}, "description",
                                   "Description too long (max 500)")):
        body = await gql(api, CREATE, token=token, **{"in": value})
        assert (body["errors"][0]["message"], body["errors"][0]["extensions"]["field"]) == (message, field)
    after = (await gql(api, "{ lists { name } }", token=token))["data"]["lists"]
    assert len(after) == 4  # nothing partial stored

    made = (await gql(api, CREATE, token=token, **{"in": {"name": "Noir", "description": "Dark",
                                                          "visibility": "FRIENDS"}}))["data"]["createList"]
    update = "mutation($id: ID!, $n: String) { updateList(id: $id, name: $n) { name visibility } }"
    assert (await gql(api, update, token=token, id=made["id"], n="Film noir"))["data"]["updateList"] == \
        {"name": "Film noir", "visibility": "FRIENDS"}
    system_id = (await gql(api, "{ lists { id isSystem } }", token=token))["data"]["lists"][0]["id"]
    renamed = await gql(api, update, token=token, id=system_id, n="Mine now")
    assert renamed["errors"][0]["extensions"]["field"] == "id"  # system lists keep their names
    delete = "mutation($id: ID!) { deleteList(id: $id) }"
    assert (await gql(api, delete, token=token, id=system_id))["errors"]
    assert (await gql(api, delete, token=token, id=made["id"]))["data"]["deleteList"] is True
    assert len((await gql(api, "{ lists { name } }", token=token))["data"]["lists"]) == 4


async def test_order_survives_many_moves(api: httpx.AsyncClient, smtp: Mailbox,
                                         run_jobs: Callable[[], Awaitable[None]], driver: AsyncDriver) -> None:
    _, t = await signed_up(api, smtp, run_jobs)
    token = t["accessToken"]
    list_id = (await gql(api, CREATE, token=token, **{"in": {"name": "Marathon"}}))["data"]["createList"]["id"]
    ids = await titles(driver, 40)
    for i, m in enumerate(ids):
        await gql(api, ADD, token=token, l=list_id, m=m, n=f"note {i}" if i == 3 else None)
    expected = list(ids)
    rng = random.Random(3)
    for _ in range(150):
        moving = rng.choice(expected)
        expected.remove(moving)
        at = rng.randrange(len(expected) + 1)
        after = expected[at - 1] if at else None
        expected.insert(at, moving)
        body = await gql(api, MOVE, token=token, l=list_id, m=moving, a=after)
        assert "errors" not in body, body
    assert await all_items(api, token, list_id) == expected
    again = await gql(api, ADD, token=token, l=list_id, m=ids[0])  # already there: stays put
    assert "errors" not in again
    assert await all_items(api, token, list_id) == expected
    removed = await gql(api, "mutation($l: ID!, $m: ID!) { removeFromList(listId: $l, mediaId: $m) }",
                        token=token, l=list_id, m=expected[5])
    assert removed["data"]["removeFromList"] is True
    assert await all_items(api, token, list_id) == expected[:5] + expected[6:]


async def test_concurrent_adds_lose_nothing(api: httpx.AsyncClient, smtp: Mailbox,
                                            run_jobs: Callable[[], Awaitable[None]], driver: AsyncDriver) -> None:
    _, t = await signed_up(api, smtp, run_jobs)
    token = t["accessToken"]
    list_id = (await gql(api, CREATE, token=token, **{"in": {"name": "Rush"}}))["data"]["createList"]["id"]
    ids = await titles(driver, 25)
    bodies = await asyncio.gather(*(gql(api, ADD, token=token, l=list_id, m=m) for m in ids))
    positions = [b["data"]["addToList"]["position"] for b in bodies]
    assert len(set(positions)) == 25  # no two adds took the same place
    assert sorted(await all_items(api, token, list_id)) == sorted(ids)


async def test_privacy_strangers_friends_and_mutual_follows(
    api: httpx.AsyncClient, smtp: Mailbox, run_jobs: Callable[[], Awaitable[None]], driver: AsyncDriver
) -> None:
    owner_email, owner = await signed_up(api, smtp, run_jobs)
    friend_email, friend = await signed_up(api, smtp, run_jobs)
    _, stranger = await signed_up(api, smtp, run_jobs)
    made = {}
    for vis in ("PUBLIC", "FRIENDS", "PRIVATE"):
        made[vis] = (await gql(api, CREATE, token=owner["accessToken"],
                               **{"in": {"name": f"{vis} list", "visibility": vis}}))["data"]["createList"]["id"]

    async def sees(token: str | None) -> list[str]:
        found = []
        for vis, list_id in made.items():
            body = await gql(api, "query($id: ID!) { list(id: $id) { name } }", token=token, id=list_id)
            if body["data"]["list"]:
                found.append(vis)
        return found

    a = await User.nodes.get(email=owner_email)
    b = await User.nodes.get(email=friend_email)
    await b.follows.connect(a)  # one way only: not friends yet
    assert await sees(owner["accessToken"]) == ["PUBLIC", "FRIENDS", "PRIVATE"]
    assert await sees(friend["accessToken"]) == ["PUBLIC"]
    await a.follows.connect(b)  # now mutual
    assert await sees(friend["accessToken"]) == ["PUBLIC", "FRIENDS"]
    assert await sees(stranger["accessToken"]) == ["PUBLIC"]
    assert await sees(None) == ["PUBLIC"]
    # and nobody but the owner can edit, even a list they can see
    [media] = await titles(driver, 1)
    edit = await gql(api, ADD, token=friend["accessToken"], l=made["FRIENDS"], m=media)
    assert edit["errors"][0]["extensions"]["field"] == "listId"
    assert (await gql(api, ADD, token=owner["accessToken"], l=made["FRIENDS"], m=media))["data"]


async def test_scopes_and_events(api: httpx.AsyncClient, smtp: Mailbox, redis: Redis,
                                 run_jobs: Callable[[], Awaitable[None]], driver: AsyncDriver) -> None:
    _, t = await signed_up(api, smtp, run_jobs)
    session = t["accessToken"]
    make = 'mutation($s: [String!]!) { createApiToken(name: "ext", scopes: $s) { token } }'
    reader = (await gql(api, make, token=session, s=["read"]))["data"]["createApiToken"]["token"]
    writer = (await gql(api, make, token=session, s=["read", "write:lists"]))["data"]["createApiToken"]["token"]
    list_id = (await gql(api, "{ lists { id } }", token=reader))["data"]["lists"][1]["id"]  # To Watch
    [media] = await titles(driver, 1)
    denied = await gql(api, ADD, token=reader, l=list_id, m=media)
    assert denied["errors"][0]["message"] == "This token lacks the write:lists scope"
    start = (await redis.xrevrange("reelgraph:events", count=1) or [("0-0", {})])[0][0]
    ok = await gql(api, ADD, token=writer, l=list_id, m=media)
    assert ok["data"]["addToList"]["media"]["title"] == "Toy Story"
    events = await redis.xrange("reelgraph:events", min=f"({start}")
    mine = [json.loads(f["data"]) for _, f in events if f["kind"] == "list.item_added"]
    assert {"list": list_id, "media": media}.items() <= mine[-1].items()
    rated = await gql(api, "mutation($m: ID!) { rateMedia(mediaId: $m, rating: 8) { rating } }", token=writer, m=media)
    assert rated["errors"][0]["message"] == "This token lacks the write:activity scope"
