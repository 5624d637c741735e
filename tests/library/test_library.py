"""The library: watched and owned titles, filtered by any metadata."""

from collections.abc import Awaitable, Callable

import httpx
from neo4j import AsyncDriver

from ..accounts.helpers import gql, signed_up
from ..factories import titles
from ..mailbox import Mailbox

LIB = """query($f: LibraryFilterInput, $after: String) { library(filter: $f, first: 2, after: $after) {
  edges { node { media { title year } myRating watchCount formats } } hasNextPage endCursor } }"""


async def every(api: httpx.AsyncClient, token: str, f: dict | None = None) -> list[dict]:
    out, after = [], None
    while True:
        conn = (await gql(api, LIB, token=token, f=f, after=after))["data"]["library"]
        out += [e["node"] for e in conn["edges"]]
        if not conn["hasNextPage"]:
            return out
        after = conn["endCursor"]


async def test_library_filters(api: httpx.AsyncClient, smtp: Mailbox,
                               run_jobs: Callable[[], Awaitable[None]], driver: AsyncDriver) -> None:
    _, t = await signed_up(api, smtp, run_jobs)
    token = t["accessToken"]
    toy, jumanji, grumpier, waiting, father = await titles(driver, 5)  # MovieLens 1-5
    for m in (toy, jumanji, grumpier):
        await gql(api, "mutation($m: ID!) { markAsWatched(mediaId: $m) { watchCount } }", token=token, m=m)
    await gql(api, "mutation($m: ID!) { rateMedia(mediaId: $m, rating: 9) { rating } }", token=token, m=toy)
    own = "mutation($m: ID!, $f: String!) { markOwned(mediaId: $m, format: $f) }"
    assert (await gql(api, own, token=token, m=toy, f="bluray"))["data"]["markOwned"] == ["bluray"]
    assert sorted((await gql(api, own, token=token, m=toy, f="uhd_4k"))["data"]["markOwned"]) == ["bluray", "uhd_4k"]
    await gql(api, own, token=token, m=father, f="dvd")
    bad = await gql(api, own, token=token, m=toy, f="vhs")
    assert bad["errors"][0]["extensions"]["field"] == "format"

    titles_of = lambda rows: [r["media"]["title"] for r in rows]  # noqa: E731
    assert titles_of(await every(api, token)) == [
        "Father of the Bride Part II", "Grumpier Old Men", "Jumanji", "Toy Story"]
    assert titles_of(await every(api, token, {"owned": True})) == ["Father of the Bride Part II", "Toy Story"]
    assert titles_of(await every(api, token, {"watched": False})) == ["Father of the Bride Part II"]
    assert titles_of(await every(api, token, {"format": "uhd_4k"})) == ["Toy Story"]
    assert titles_of(await every(api, token, {"minRating": 8})) == ["Toy Story"]
    assert titles_of(await every(api, token, {"genres": ["Romance"]})) == ["Grumpier Old Men"]
    toy_row = [r for r in await every(api, token) if r["media"]["title"] == "Toy Story"][0]
    assert toy_row["myRating"] == 9 and toy_row["watchCount"] == 1
    assert waiting not in [r["media"]["title"] for r in await every(api, token)]
