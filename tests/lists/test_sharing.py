"""Collaborative lists (viewer / editor) and revocable read-only links."""

from collections.abc import Awaitable, Callable

import httpx
from neo4j import AsyncDriver

from ..accounts.helpers import gql, new_email, signed_up
from ..factories import titles
from ..mailbox import Mailbox
from .test_lists import ADD, CREATE, all_items

SHARE = "mutation($l: ID!, $e: String!, $r: String!) { shareList(listId: $l, email: $e, role: $r) }"


async def test_viewer_sees_but_cannot_edit_editor_can(
    api: httpx.AsyncClient, smtp: Mailbox, run_jobs: Callable[[], Awaitable[None]], driver: AsyncDriver
) -> None:
    _, owner = await signed_up(api, smtp, run_jobs)
    viewer_email, viewer = await signed_up(api, smtp, run_jobs)
    editor_email, editor = await signed_up(api, smtp, run_jobs)
    o = owner["accessToken"]
    list_id = (await gql(api, CREATE, token=o, **{"in": {"name": "Family night"}}))["data"]["createList"]["id"]
    a, b, c = await titles(driver, 3)
    await gql(api, ADD, token=o, l=list_id, m=a)
    assert (await gql(api, "query($id: ID!) { list(id: $id) { name } }", token=viewer["accessToken"],
                      id=list_id))["data"]["list"] is None  # private until shared
    for email, role in ((viewer_email, "viewer"), (editor_email, "editor"), (new_email(), "editor")):
        assert (await gql(api, SHARE, token=o, l=list_id, e=email, r=role))["data"]["shareList"] is True
    seen = (await gql(api, "query($id: ID!) { list(id: $id) { role mine collaborators { role } } }",
                      token=viewer["accessToken"], id=list_id))["data"]["list"]
    assert seen == {"role": "viewer", "mine": False, "collaborators": []}
    denied = await gql(api, ADD, token=viewer["accessToken"], l=list_id, m=b)
    assert denied["errors"][0]["extensions"]["field"] == "listId"
    for query, variables in (
        ("mutation($l: ID!, $m: ID!) { removeFromList(listId: $l, mediaId: $m) }", {"l": list_id, "m": a}),
        ("mutation($l: ID!, $m: ID!) { moveListItem(listId: $l, mediaId: $m) }", {"l": list_id, "m": a}),
        ("mutation($l: ID!, $m: ID!) { setListItemNote(listId: $l, mediaId: $m, note: \"mine\") }",
         {"l": list_id, "m": a}),
    ):
        body = await gql(api, query, token=viewer["accessToken"], **variables)
        assert body.get("errors") or body["data"] == {"removeFromList": False}, body
    assert await all_items(api, o, list_id) == [a]  # the viewer changed nothing
    added = await gql(api, ADD, token=editor["accessToken"], l=list_id, m=c)
    assert "errors" not in added
    assert await all_items(api, o, list_id) == [a, c]
    roles = (await gql(api, "query($id: ID!) { list(id: $id) { collaborators { role } } }", token=o,
                       id=list_id))["data"]["list"]["collaborators"]
    assert sorted(r["role"] for r in roles) == ["editor", "viewer"]  # the unknown address added nobody
    bad_role = await gql(api, SHARE, token=o, l=list_id, e=viewer_email, r="owner")
    assert bad_role["errors"][0]["extensions"]["field"] == "role"


async def test_share_link_is_read_only_and_revocable(
    api: httpx.AsyncClient, smtp: Mailbox, run_jobs: Callable[[], Awaitable[None]], driver: AsyncDriver
) -> None:
    _, owner = await signed_up(api, smtp, run_jobs)
    o = owner["accessToken"]
    list_id = (await gql(api, CREATE, token=o, **{"in": {"name": "Linked"}}))["data"]["createList"]["id"]
    [m] = await titles(driver, 1)
    await gql(api, ADD, token=o, l=list_id, m=m)
    link = (await gql(api, "mutation($l: ID!) { createShareLink(listId: $l) }", token=o, l=list_id)
            )["data"]["createShareLink"]
    opened = await gql(api, "query($t: String!) { sharedList(token: $t) { name role items { edges { node { media { id } } } } } }",
                       t=link)
    assert opened["data"]["sharedList"]["name"] == "Linked"
    assert opened["data"]["sharedList"]["role"] == "viewer"
    assert [e["node"]["media"]["id"] for e in opened["data"]["sharedList"]["items"]["edges"]] == [m]
    newer = (await gql(api, "mutation($l: ID!) { createShareLink(listId: $l) }", token=o, l=list_id)
             )["data"]["createShareLink"]
    assert (await gql(api, "query($t: String!) { sharedList(token: $t) { name } }", t=link)
            )["data"]["sharedList"] is None  # replaced
    await gql(api, "mutation($l: ID!) { revokeShareLink(listId: $l) }", token=o, l=list_id)
    assert (await gql(api, "query($t: String!) { sharedList(token: $t) { name } }", t=newer)
            )["data"]["sharedList"] is None
