"""Manual entry of a show, episode progress, next episode, and lists that follow progress."""

from collections.abc import Awaitable, Callable

import httpx

from ..accounts.helpers import gql, signed_up
from ..mailbox import Mailbox

CREATE = """mutation($in: CreateMediaInput!) { createMedia(input: $in) { id title type year genres { name }
  seasons { id number episodes { id number watched } } } }"""
PROGRESS = "{ showsInProgress { show { title } watchedEpisodes totalEpisodes nextEpisode { seasonNumber episodeNumber } } }"


async def list_titles(api: httpx.AsyncClient, token: str, name: str) -> list[str]:
    lists = (await gql(api, "{ lists { name items { edges { node { media { title } } } } } }", token=token))
    [found] = [x for x in lists["data"]["lists"] if x["name"] == name]
    return [e["node"]["media"]["title"] for e in found["items"]["edges"]]


async def test_show_progress_next_episode_and_lists(
    api: httpx.AsyncClient, smtp: Mailbox, run_jobs: Callable[[], Awaitable[None]]
) -> None:
    _, t = await signed_up(api, smtp, run_jobs)
    token = t["accessToken"]
    show_in = {"type": "TV", "title": "Harbour Lights", "year": 2021, "genres": ["Drama"],
               "certification": "TV-14", "seasons": [{"number": 1, "episodes": 3}, {"number": 2, "episodes": 2}]}
    show = (await gql(api, CREATE, token=token, **{"in": show_in}))["data"]["createMedia"]
    assert show["type"] == "TV" and [s["number"] for s in show["seasons"]] == [1, 2]
    assert [len(s["episodes"]) for s in show["seasons"]] == [3, 2]
    again = await gql(api, CREATE, token=token, **{"in": show_in})
    assert again["errors"][0]["message"] == "You have already added this title"  # not duplicated
    bad = await gql(api, CREATE, token=token, **{"in": {"type": "MOVIE", "title": "", "year": 1700}})
    assert bad["errors"][0]["extensions"]["field"] == "title"

    s1, s2 = show["seasons"]
    upd = "mutation($in: EpisodeProgressInput!) { updateEpisodeProgress(input: $in) { progressSeconds isWatched } }"
    half = await gql(api, upd, token=token, **{"in": {"episodeId": s1["episodes"][0]["id"], "progressSeconds": 600}})
    assert half["data"]["updateEpisodeProgress"] == {"progressSeconds": 600, "isWatched": False}
    prog = (await gql(api, PROGRESS, token=token))["data"]["showsInProgress"]
    assert prog == [{"show": {"title": "Harbour Lights"}, "watchedEpisodes": 0, "totalEpisodes": 5,
                     "nextEpisode": {"seasonNumber": 1, "episodeNumber": 1}}]
    assert await list_titles(api, token, "Watching") == []  # nothing finished yet

    await gql(api, upd, token=token, **{"in": {"episodeId": s1["episodes"][0]["id"], "watched": True}})
    assert await list_titles(api, token, "Watching") == ["Harbour Lights"]
    marked = await gql(api, "mutation($e: ID!) { markWatchedUpTo(episodeId: $e) }", token=token,
                       e=s2["episodes"][0]["id"])
    assert marked["data"]["markWatchedUpTo"] == 4
    prog = (await gql(api, PROGRESS, token=token))["data"]["showsInProgress"]
    assert prog[0]["nextEpisode"] == {"seasonNumber": 2, "episodeNumber": 2}

    assert (await gql(api, "mutation($s: ID!) { markSeasonWatched(seasonId: $s) }", token=token,
                      s=s2["id"]))["data"]["markSeasonWatched"] == 2
    assert (await gql(api, PROGRESS, token=token))["data"]["showsInProgress"] == []
    assert await list_titles(api, token, "Watching") == []
    assert await list_titles(api, token, "Completed") == ["Harbour Lights"]

    # un-watching an episode moves it back to Watching
    await gql(api, upd, token=token, **{"in": {"episodeId": s2["episodes"][1]["id"], "watched": False}})
    assert await list_titles(api, token, "Completed") == []
    assert await list_titles(api, token, "Watching") == ["Harbour Lights"]
    seen = await gql(api, "query($id: ID!) { media(id: $id) { seasons { episodes { watched } } } }",
                     token=token, id=show["id"])
    assert [[e["watched"] for e in s["episodes"]] for s in seen["data"]["media"]["seasons"]] == \
        [[True, True, True], [True, False]]
