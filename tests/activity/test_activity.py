"""Ratings with history and watch history with rewatches and undo."""

from collections.abc import Awaitable, Callable

import httpx
from neo4j import AsyncDriver

from ..accounts.helpers import gql, signed_up
from ..factories import titles
from ..mailbox import Mailbox

RATE = "mutation($m: ID!, $r: Int!) { rateMedia(mediaId: $m, rating: $r) { rating history } }"
WATCH = "mutation($m: ID!, $at: DateTime) { markAsWatched(mediaId: $m, watchedAt: $at) { watchCount firstWatchedAt lastWatchedAt } }"
UNWATCH = "mutation($m: ID!) { unmarkAsWatched(mediaId: $m) { watchCount lastWatchedAt } }"
MINE = "query($m: ID!) { media(id: $m) { myRating watchHistory { watchCount } } }"


async def test_rating_rules_and_history(api: httpx.AsyncClient, smtp: Mailbox,
                                        run_jobs: Callable[[], Awaitable[None]], driver: AsyncDriver) -> None:
    _, t = await signed_up(api, smtp, run_jobs)
    token = t["accessToken"]
    [m] = await titles(driver, 1)
    for bad in (0, 11):
        body = await gql(api, RATE, token=token, m=m, r=bad)
        assert body["errors"][0]["message"] == "Please select a rating (1-10)"
        assert body["errors"][0]["extensions"]["field"] == "rating"
    assert (await gql(api, MINE, token=token, m=m))["data"]["media"]["myRating"] is None
    assert (await gql(api, RATE, token=token, m=m, r=6))["data"]["rateMedia"] == {"rating": 6, "history": []}
    assert (await gql(api, RATE, token=token, m=m, r=9))["data"]["rateMedia"] == {"rating": 9, "history": [6]}
    assert (await gql(api, MINE, token=token, m=m))["data"]["media"]["myRating"] == 9
    records, _, _ = await driver.execute_query(
        "MATCH (:User {email: $e})-[:HAS_PROFILE]->()-[r:RATED]->(:Media {uid: $m}) RETURN count(r) AS n",
        e=(await gql(api, "{ me { email } }", token=token))["data"]["me"]["email"], m=m)
    assert records[0]["n"] == 1  # one rating per profile and title


async def test_rewatch_and_undo(api: httpx.AsyncClient, smtp: Mailbox,
                                run_jobs: Callable[[], Awaitable[None]], driver: AsyncDriver) -> None:
    _, t = await signed_up(api, smtp, run_jobs)
    token = t["accessToken"]
    [_, m] = await titles(driver, 2)
    first = await gql(api, WATCH, token=token, m=m, at="2024-05-01T20:00:00+00:00")
    assert first["data"]["markAsWatched"]["watchCount"] == 1
    second = (await gql(api, WATCH, token=token, m=m, at="2023-01-10T20:00:00+00:00"))["data"]["markAsWatched"]
    assert second["watchCount"] == 2
    assert second["firstWatchedAt"].startswith("2023-01-10") and second["lastWatchedAt"].startswith("2024-05-01")
    future = await gql(api, WATCH, token=token, m=m, at="2999-01-01T00:00:00+00:00")
    assert future["errors"][0]["extensions"]["field"] == "watchedAt"
    undo = (await gql(api, UNWATCH, token=token, m=m))["data"]["unmarkAsWatched"]
    assert undo["watchCount"] == 1 and undo["lastWatchedAt"].startswith("2024-05-01")
    assert (await gql(api, MINE, token=token, m=m))["data"]["media"]["watchHistory"] == {"watchCount": 1}
    assert (await gql(api, UNWATCH, token=token, m=m))["data"]["unmarkAsWatched"] is None
    assert (await gql(api, MINE, token=token, m=m))["data"]["media"]["watchHistory"] is None
    gone = await gql(api, UNWATCH, token=token, m=m)
    assert gone["errors"][0]["extensions"]["field"] == "mediaId"
