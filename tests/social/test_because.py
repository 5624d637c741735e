"""becauseYouWatched on a small graph: co-fans normalised against blockbusters, shared
director and leads, a floor of co-fans, the kid cap."""

from __future__ import annotations

import uuid

import httpx
from neo4j import AsyncDriver

from app.activity import repository as ratings
from app.social import repository as social_repository
from graph_model import Media, Person

from ..accounts.helpers import gql
from .test_feed import account

BYW = """query($m: ID!) { becauseYouWatched(mediaId: $m, limit: 10) { media { title } score reason source } }"""


async def test_because_you_watched(api: httpx.AsyncClient, driver: AsyncDriver) -> None:
    tag = uuid.uuid4().hex[:6]
    t = {name: await Media(type="movie", title=f"{name} {tag}", certification=cert).save()
         for name, cert in (("Seed", "PG"), ("Niche", "PG"), ("Blockbuster", "PG"), ("Pair", "PG"),
                            ("Dark", "R"), ("Sibling", "PG"), ("CoStar", "PG"))}
    fans = [await account(f"Fan{n}", "public") for n in range(4)]
    crowd = [await account(f"Crowd{n}", "public") for n in range(12)]
    for user, profile, _ in fans:
        for name in ("Seed", "Niche", "Blockbuster", "Dark"):
            await ratings.rate(driver, user.uid, profile.uid, t[name].uid, 9)
    for user, profile, _ in fans[:2]:  # two co-fans only: under the floor of three
        await ratings.rate(driver, user.uid, profile.uid, t["Pair"].uid, 10)
    for user, profile, _ in crowd:  # everyone loves the blockbuster
        await ratings.rate(driver, user.uid, profile.uid, t["Blockbuster"].uid, 9)
    director, lead = await Person(name=f"Director {tag}").save(), await Person(name=f"Lead {tag}").save()
    for name in ("Seed", "Sibling"):
        await director.crew_on.connect(t[name], {"job": "Director"})
    for name in ("Seed", "CoStar"):
        await lead.acted_in.connect(t[name], {"order": 0, "character": "Someone"})

    got = (await gql(api, BYW, m=t["Seed"].uid))["data"]["becauseYouWatched"]
    titles = [g["media"]["title"] for g in got]
    # Niche: 4 co-fans of 4 fans -> 4/2 = 2; Blockbuster: 4 of 16 fans -> 4/4 = 1
    assert titles.index(f"Niche {tag}") < titles.index(f"Blockbuster {tag}")
    assert f"Pair {tag}" not in titles
    niche = got[titles.index(f"Niche {tag}")]
    assert niche["reason"] == f"4 people who loved Seed {tag} loved it too" and niche["score"] == 1.0
    assert got[titles.index(f"Blockbuster {tag}")]["score"] == 0.5
    assert got[titles.index(f"Sibling {tag}")]["reason"] == f"Also directed by Director {tag}"
    assert got[titles.index(f"CoStar {tag}")]["reason"] == f"Also starring Lead {tag}"
    assert all(g["source"] == "BECAUSE_YOU_WATCHED" for g in got)
    assert f"Dark {tag}" in titles
    capped = await social_repository.because_you_watched(driver, t["Seed"].uid, 20, max_level=10)
    assert t["Dark"].uid not in {r["media"] for r in capped} and t["Niche"].uid in {r["media"] for r in capped}
    for obj in [*t.values(), director, lead]:
        await obj.delete()

