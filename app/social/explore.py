"""The social graph explorer: ego network, paths and people to follow, over friendships
(mutual follows), breadth first with a cap on every step so no account can blow it up."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Any

from neo4j import AsyncDriver

from . import compare, repository

FANOUT = 50  # friends followed out of any one account per step
MAX_PEOPLE = 200


@dataclass
class Network:
    distance: dict[str, int] = field(default_factory=dict)
    edges: set[tuple[str, str]] = field(default_factory=set)
    parent: dict[str, str] = field(default_factory=dict)


async def network(driver: AsyncDriver, viewer: str, depth: int, limit: int,
                  stop_at: str | None = None) -> Network:
    net = Network(distance={viewer: 0})
    frontier = [viewer]
    for hop in range(1, depth + 1):
        if not frontier or len(net.distance) > limit:
            break
        rows = await repository.friends_of(driver, viewer, frontier, FANOUT)
        frontier = []
        for r in rows:
            a, b = r["source"], r["friend"]
            net.edges.add((min(a, b), max(a, b)))
            if b not in net.distance and len(net.distance) <= limit:
                net.distance[b] = hop
                net.parent[b] = a
                frontier.append(b)
        if stop_at is not None and stop_at in net.distance:
            break
    net.edges = {(a, b) for a, b in net.edges if a in net.distance and b in net.distance}
    return net


def path_to(net: Network, target: str) -> list[str]:
    if target not in net.distance:
        return []
    path = deque([target])
    while path[0] in net.parent:
        path.appendleft(net.parent[path[0]])
    return list(path)


async def describe(driver: AsyncDriver, viewer: str, profile: str, uids: list[str]) -> dict[str, dict[str, Any]]:
    """People the viewer may see, with mutual friends and taste similarity."""
    rows = await repository.people(driver, viewer, profile, uids)
    out = {}
    for r in rows:
        taste = compare.agreement([(a, b) for a, b in r["co_rated"]])
        out[r["user"]] = {**r, "similarity": round(taste.shrunk, 4), "compatibility": taste.compatibility}
    return out


def suggestion_reason(person: dict[str, Any]) -> str:
    names = person["mutual"]
    if not names:
        return f"Tastes like yours ({person['compatibility']}% compatible)"
    shown = ", ".join(names[:2]) + (f" and {len(names) - 2} more" if len(names) > 2 else "")
    return f"Friends with {shown}; {person['compatibility']}% compatible"
