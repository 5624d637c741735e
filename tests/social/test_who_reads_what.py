"""The README's "Who reads what", over the GraphQL API: an owner's lists, reviews, share
link and comments, read and answered by viewers anonymous / stranger / follower / friend /
blocked-by (the owner blocked them) / blocking (they blocked the owner), with the owner's
profile public, friends-only and private."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from neo4j import AsyncDriver
from redis.asyncio import Redis

from app.accounts.service import SESSION_SCOPES
from app.accounts.tokens import AccessClaims
from app.social import service as social
from graph_model import Media

from ..accounts.helpers import gql
from .test_feed import account

PRIVACIES = ("public", "friends", "private")
VIEWERS = ("anonymous", "stranger", "follower", "friend", "blocked_by", "blocking")
ITEMS = ("public", "friends")

LIST = "query($id: ID!) { list(id: $id) { id } }"
REVIEW = "query($id: ID!) { review(id: $id) { id comments { content } } }"
REVIEWS = "query($m: ID!) { reviews(mediaId: $m, first: 100) { edges { node { id } } } }"
SHARED = "query($t: String!) { sharedList(token: $t) { id } }"
COMMENT = 'mutation($r: ID!) { commentOnReview(reviewId: $r, content: "hello") { id } }'
REACT = 'mutation($r: ID!) { reactToReview(reviewId: $r, kind: "like") { id } }'


def reads(privacy: str, item: str, viewer: str) -> bool:
    """The rule, written once more here as the test's oracle."""
    if viewer in ("blocked_by", "blocking") or privacy == "private":
        return False
    return item == "public" or viewer == "friend"


async def follow(driver: AsyncDriver, me: str, them: str) -> None:
    if (await social.follow(driver, me, them))["status"] == "REQUESTED":
        await social.answer(driver, them, me, approve=True)


@pytest.fixture(scope="module")
async def world(app: FastAPI, api: httpx.AsyncClient, driver: AsyncDriver, redis: Redis
                ) -> AsyncIterator[dict[str, Any]]:
    def token(user: Any, profile: Any) -> str:
        return app.state.auth.issuer.issue(AccessClaims(user.uid, None, profile.uid, SESSION_SCOPES))

    tag = uuid.uuid4().hex[:6]
    owners: dict[str, Any] = {}
    for privacy in PRIVACIES:
        user, profile, _ = await account(f"Owner-{privacy}", privacy)
        film = await Media(type="movie", title=f"Readable {privacy} {tag}", certification="PG").save()
        owner_token = token(user, profile)
        made: dict[str, Any] = {"user": user, "token": owner_token, "film": film, "lists": {}, "reviews": {}}
        for item in ITEMS:
            created = await gql(api, 'mutation($v: Visibility!) { createList(input: {name: "Mine", '
                                     'visibility: $v}) { id } }', token=owner_token, v=item.upper())
            made["lists"][item] = created["data"]["createList"]["id"]
        made["link"] = (await gql(api, "mutation($l: ID!) { createShareLink(listId: $l) }", token=owner_token,
                                  l=made["lists"]["public"]))["data"]["createShareLink"]
        # one review per title and profile: the friends-only one is on a second title
        second = await Media(type="movie", title=f"Readable {privacy} two {tag}", certification="PG").save()
        made["films"] = {"public": film.uid, "friends": second.uid}
        made["nodes"] = (film, second)
        for item, media in made["films"].items():
            body = await gql(api, 'mutation($m: ID!, $v: Visibility!) { createReview(input: {mediaId: $m, '
                                  'content: "A fine film, well worth seeing", visibility: $v}) { id } }',
                             token=owner_token, m=media, v=item.upper())
            made["reviews"][item] = body["data"]["createReview"]["id"]
        owners[privacy] = made
    viewers: dict[str, str | None] = {"anonymous": None}
    for v in VIEWERS[1:]:
        v_user, v_profile, _ = await account(f"Viewer-{v}", "public")
        for made in owners.values():
            o = made["user"].uid
            if v in ("follower", "friend", "blocked_by", "blocking"):
                await follow(driver, v_user.uid, o)
            if v in ("friend", "blocked_by", "blocking"):
                await follow(driver, o, v_user.uid)
            if v == "blocked_by":
                await social.block(driver, redis, o, v_user.uid)
            if v == "blocking":
                await social.block(driver, redis, v_user.uid, o)
        viewers[v] = token(v_user, v_profile)
    yield {"owners": owners, "viewers": viewers}
    for made in owners.values():  # the titles leave the catalog with their reviews
        for film in made["nodes"]:
            await driver.execute_query("MATCH (m:Media {uid: $m}) OPTIONAL MATCH (r:Review)-[:ABOUT]->(m) "
                                       "OPTIONAL MATCH (c:Comment)-[:ON]->(r) "
                                       "DETACH DELETE c, r, m", m=film.uid)


@pytest.mark.parametrize("privacy", PRIVACIES)
@pytest.mark.parametrize("viewer", VIEWERS)
async def test_reads_and_answers_follow_one_rule(api: httpx.AsyncClient, world: dict[str, Any],
                                                 privacy: str, viewer: str) -> None:
    made, token = world["owners"][privacy], world["viewers"][viewer]
    for item in ITEMS:
        sees = reads(privacy, item, viewer)
        listed = (await gql(api, LIST, token=token, id=made["lists"][item]))["data"]["list"]
        assert (listed is not None) == sees, f"list({item})"
        review = (await gql(api, REVIEW, token=token, id=made["reviews"][item]))["data"]["review"]
        assert (review is not None) == sees, f"review({item})"
        about = (await gql(api, REVIEWS, token=token, m=made["films"][item]))["data"]["reviews"]["edges"]
        assert (made["reviews"][item] in {e["node"]["id"] for e in about}) == sees, f"reviews({item})"
    # a share link opens the list to whoever holds it, except across a block
    shared = (await gql(api, SHARED, token=token, t=made["link"]))["data"]["sharedList"]
    assert (shared is not None) == (viewer not in ("blocked_by", "blocking"))
    if token is None:
        return
    # answering: only what you can read, with the same answer as for a review that does not exist
    for mutation in (COMMENT, REACT):
        body = await gql(api, mutation, token=token, r=made["reviews"]["public"])
        if reads(privacy, "public", viewer):
            assert "errors" not in body, body
        else:
            assert body["errors"][0]["message"] == "No such review"
            missing = await gql(api, mutation, token=token, r=str(uuid.uuid4()))
            assert missing["errors"][0]["message"] == "No such review"


async def test_comments_across_a_block_are_left_out(api: httpx.AsyncClient, world: dict[str, Any],
                                                    app: FastAPI, driver: AsyncDriver, redis: Redis) -> None:
    review = world["owners"]["public"]["reviews"]["public"]
    c_user, c_profile, _ = await account("Commenter", "public")
    d_user, d_profile, _ = await account("Reader", "public")
    issue = app.state.auth.issuer.issue
    c_token = issue(AccessClaims(c_user.uid, None, c_profile.uid, SESSION_SCOPES))
    d_token = issue(AccessClaims(d_user.uid, None, d_profile.uid, SESSION_SCOPES))
    said = f"Seen it {uuid.uuid4().hex[:6]}"
    body = await gql(api, 'mutation($r: ID!, $c: String!) { commentOnReview(reviewId: $r, content: $c) { id } }',
                     token=c_token, r=review, c=said)
    assert "errors" not in body, body

    async def comments(token: str | None) -> list[str]:
        return [c["content"] for c in (await gql(api, REVIEW, token=token, id=review))["data"]["review"]["comments"]]

    assert said in await comments(d_token) and said in await comments(None)
    await social.block(driver, redis, c_user.uid, d_user.uid)  # the commenter blocks the reader
    assert said not in await comments(d_token)
    assert said in await comments(None)  # everyone else still reads it


async def test_sharing_a_list_with_a_blocked_account_adds_no_collaborator(
        api: httpx.AsyncClient, world: dict[str, Any], app: FastAPI, driver: AsyncDriver, redis: Redis) -> None:
    o_user, o_profile, _ = await account("Sharer", "public")
    b_user, b_profile, _ = await account("Shutout", "public")
    issue = app.state.auth.issuer.issue
    o_token = issue(AccessClaims(o_user.uid, None, o_profile.uid, SESSION_SCOPES))
    b_token = issue(AccessClaims(b_user.uid, None, b_profile.uid, SESSION_SCOPES))
    made = await gql(api, 'mutation { createList(input: {name: "Secret", visibility: PRIVATE}) { id } }', token=o_token)
    list_id = made["data"]["createList"]["id"]
    share = 'mutation($l: ID!, $e: String!) { shareList(listId: $l, email: $e, role: "editor") }'
    # shared first, then a block: the collaboration ends with it
    assert (await gql(api, share, token=o_token, l=list_id, e=b_user.email))["data"]["shareList"] is True
    assert (await gql(api, LIST, token=b_token, id=list_id))["data"]["list"] is not None
    await social.block(driver, redis, b_user.uid, o_user.uid)
    assert (await gql(api, LIST, token=b_token, id=list_id))["data"]["list"] is None
    # shared again across the block: the same answer as for an unknown address, and nothing added
    assert (await gql(api, share, token=o_token, l=list_id, e=b_user.email))["data"]["shareList"] is True
    rows, _, _ = await driver.execute_query(
        "MATCH (:Profile {uid: $p})-[c:COLLABORATES]->(:List {uid: $l}) RETURN count(c) AS n",
        p=b_profile.uid, l=list_id)
    assert rows[0]["n"] == 0
