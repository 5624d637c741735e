"""Reviews: length rule, one per title, privacy, reactions, comments with @mentions."""

import json
import uuid
from collections.abc import Awaitable, Callable

import httpx
from neo4j import AsyncDriver
from redis.asyncio import Redis

from graph_model import User

from ..accounts.helpers import gql, signed_up
from ..factories import titles
from ..mailbox import Mailbox

CREATE = """mutation($in: CreateReviewInput!) { createReview(input: $in) { id content containsSpoilers visibility author { name } } }"""
READ = "query($id: ID!) { review(id: $id) { id helpfulCount likes funny commentCount } }"


async def test_review_rules_privacy_reactions_and_mentions(
    api: httpx.AsyncClient, smtp: Mailbox, run_jobs: Callable[[], Awaitable[None]],
    driver: AsyncDriver, redis: Redis
) -> None:
    author_email, author = await signed_up(api, smtp, run_jobs)
    friend_email, friend = await signed_up(api, smtp, run_jobs)
    _, stranger = await signed_up(api, smtp, run_jobs)
    a = author["accessToken"]
    m1, m2, m3 = await titles(driver, 3)
    short = await gql(api, CREATE, token=a, **{"in": {"mediaId": m1, "content": "too short"}})
    assert short["errors"][0]["message"] == "Review must be 20-5000 characters"
    long = await gql(api, CREATE, token=a, **{"in": {"mediaId": m1, "content": "x" * 5001}})
    assert long["errors"][0]["extensions"]["field"] == "content"

    text = "A warm, funny film that holds up on every rewatch."
    made = {}
    for media, vis in ((m1, "PUBLIC"), (m2, "FRIENDS"), (m3, "PRIVATE")):
        made[vis] = (await gql(api, CREATE, token=a, **{"in": {"mediaId": media, "content": text,
                                                              "visibility": vis, "containsSpoilers": vis == "PUBLIC"}})
                     )["data"]["createReview"]["id"]
    again = await gql(api, CREATE, token=a, **{"in": {"mediaId": m1, "content": text}})
    assert again["errors"][0]["extensions"]["field"] == "mediaId"  # one review per title

    async def readable(token: str | None) -> list[str]:
        return [vis for vis, rid in made.items()
                if (await gql(api, READ, token=token, id=rid))["data"]["review"]]

    ua, ub = await User.nodes.get(email=author_email), await User.nodes.get(email=friend_email)
    await ub.follows.connect(ua)
    assert await readable(friend["accessToken"]) == ["PUBLIC"]  # one-way follow is not friendship
    await ua.follows.connect(ub)
    assert await readable(friend["accessToken"]) == ["PUBLIC", "FRIENDS"]
    assert await readable(stranger["accessToken"]) == ["PUBLIC"]
    assert await readable(None) == ["PUBLIC"]
    assert await readable(a) == ["PUBLIC", "FRIENDS", "PRIVATE"]
    listed = await gql(api, "query($m: ID!) { reviews(mediaId: $m) { edges { node { id } } } }",
                       token=stranger["accessToken"], m=m2)
    assert listed["data"]["reviews"]["edges"] == []

    react = "mutation($r: ID!, $k: String!, $on: Boolean!) { reactToReview(reviewId: $r, kind: $k, on: $on) { helpfulCount likes } }"
    for token in (friend["accessToken"], stranger["accessToken"]):
        await gql(api, react, token=token, r=made["PUBLIC"], k="helpful", on=True)
        await gql(api, react, token=token, r=made["PUBLIC"], k="helpful", on=True)  # once per person
    counts = (await gql(api, react, token=friend["accessToken"], r=made["PUBLIC"], k="like", on=True)
              )["data"]["reactToReview"]
    assert counts == {"helpfulCount": 2, "likes": 1}
    taken_back = await gql(api, react, token=stranger["accessToken"], r=made["PUBLIC"], k="helpful", on=False)
    assert taken_back["data"]["reactToReview"]["helpfulCount"] == 1
    hidden = await gql(api, react, token=stranger["accessToken"], r=made["PRIVATE"], k="like", on=True)
    assert hidden["errors"][0]["extensions"]["field"] == "reviewId"

    # the friend's profile name has a space; mentions are written without it
    comment = "mutation($r: ID!, $c: String!) { commentOnReview(reviewId: $r, content: $c) { content mentioned } }"
    start = (await redis.xrevrange("reelgraph:events", count=1) or [("0-0", {})])[0][0]
    body = await gql(api, comment, token=a, r=made["FRIENDS"], c="Thanks @TestPerson, and @nobody!")
    [friend_profile] = [p.uid for p in await (await User.nodes.get(email=friend_email)).profiles.all()]
    assert body["data"]["commentOnReview"]["mentioned"] == [friend_profile]
    events = await redis.xrange("reelgraph:events", min=f"({start}")
    mentions = [json.loads(f["data"]) for _, f in events if f["kind"] == "comment.mentioned"]
    assert [e["mentioned"] for e in mentions] == [friend_profile]
    assert (await gql(api, READ, token=a, id=made["FRIENDS"]))["data"]["review"]["commentCount"] == 1

    # someone the author follows but who cannot read the friends-only review is not told of it
    ua_again = await User.nodes.get(email=author_email)
    stranger_user = await User.nodes.get(uid=(await gql(api, "{ me { id } }", token=stranger["accessToken"]))["data"]["me"]["id"])
    await ua_again.follows.connect(stranger_user)
    body = await gql(api, comment, token=a, r=made["FRIENDS"], c="And hello @TestPerson again")
    assert body["data"]["commentOnReview"]["mentioned"] == [friend_profile]  # only the mutual friend
    own = await gql(api, react, token=a, r=made["PUBLIC"], k="helpful", on=True)
    assert own["errors"][0]["extensions"]["field"] == "reviewId"  # no voting on your own review


async def test_reviews_page_by_cursor(api: httpx.AsyncClient, smtp: Mailbox,
                                      run_jobs: Callable[[], Awaitable[None]], driver: AsyncDriver) -> None:
    tokens = [(await signed_up(api, smtp, run_jobs))[1]["accessToken"] for _ in range(3)]
    # a title of its own, so reviews from other tests (or earlier runs) do not mix in
    media = (await gql(api, "mutation($t: String!) { createMedia(input: {type: MOVIE, title: $t}) { id } }",
                       token=tokens[0], t=f"Paged {uuid.uuid4().hex}"))["data"]["createMedia"]["id"]
    made = []
    for i, token in enumerate(tokens):
        body = await gql(api, CREATE, token=token, **{"in": {"mediaId": media, "content": f"Review number {i} with enough text."}})
        made.append(body["data"]["createReview"]["id"])
    # the third review is found helpful, so it comes first
    await gql(api, "mutation($r: ID!) { reactToReview(reviewId: $r, kind: \"helpful\") { helpfulCount } }",
              token=tokens[0], r=made[2])
    page = "query($m: ID!, $a: String) { reviews(mediaId: $m, first: 1, after: $a) { edges { node { id } } hasNextPage endCursor } }"
    seen, after = [], None
    while True:
        conn = (await gql(api, page, m=media, a=after))["data"]["reviews"]
        seen += [e["node"]["id"] for e in conn["edges"]]
        if not conn["hasNextPage"]:
            break
        after = conn["endCursor"]
    assert seen[0] == made[2] and sorted(seen) == sorted(made) and len(seen) == 3
    bad = await gql(api, page, m=media, a="not-a-cursor")
    assert bad["errors"][0]["extensions"]["field"] == "after"
