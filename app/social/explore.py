"""The social graph explorer: ego network, paths and people to follow, over friendships
(mutual follows), breadth first with a cap on every step so no account can blow it up."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from neo4j import AsyncDriver

from . import compare, repository
from .repository import CardRow

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


@dataclass(frozen=True)
class Person:
    """Someone the viewer may see, beside the viewer."""
    user: str
    profile: CardRow
    friend: bool
    following: bool
    mutual: list[str]  # names of the friends they share
    similarity: float  # shrunk rating correlation
    compatibility: int


@dataclass(frozen=True)
class Placed:
    person: Person
    distance: int  # friendship steps from the viewer


@dataclass(frozen=True)
class Graph:
    people: list[Placed]
    edges: list[tuple[str, str]]  # friendships among the people shown (and the viewer)


@dataclass(frozen=True)
class Suggestion:
    placed: Placed
    reason: str


async def describe(driver: AsyncDriver, viewer: str, profile: str, uids: list[str]) -> dict[str, Person]:
    """People the viewer may see, with mutual friends and taste similarity."""
    out = {}
    for r in await repository.people(driver, viewer, profile, uids):
        taste = compare.agreement([(a, b) for a, b in r["co_rated"]])
        out[r["user"]] = Person(user=r["user"], profile=r["profile"], friend=r["friend"], following=r["following"],
                                mutual=r["mutual"], similarity=round(taste.shrunk, 4),
                                compatibility=taste.compatibility)
    return out


async def graph(driver: AsyncDriver, viewer: str, profile: str, depth: int, limit: int) -> Graph:
    net = await network(driver, viewer, depth, limit)
    people = await describe(driver, viewer, profile, [u for u in net.distance if u != viewer])
    shown = set(people) | {viewer}
    nearest = sorted(people, key=lambda u: (net.distance[u], u))
    return Graph(people=[Placed(people[u], net.distance[u]) for u in nearest],
                 edges=[(a, b) for a, b in sorted(net.edges) if a in shown and b in shown])


async def path(driver: AsyncDriver, viewer: str, profile: str, target: str) -> list[Placed]:
    """The chain from the viewer (not included) to the target; empty when any link is hidden."""
    net = await network(driver, viewer, 4, MAX_PEOPLE * 5, stop_at=target)
    chain = path_to(net, target)[1:]
    people = await describe(driver, viewer, profile, chain)
    if any(u not in people for u in chain):
        return []
    return [Placed(people[u], net.distance[u]) for u in chain]


async def suggestions(driver: AsyncDriver, viewer: str, profile: str, limit: int) -> list[Suggestion]:
    """Friends of friends not yet followed: most shared friends first, then the most alike."""
    net = await network(driver, viewer, 2, MAX_PEOPLE)
    people = await describe(driver, viewer, profile, [u for u, d in net.distance.items() if d == 2])
    ranked = sorted((p for p in people.values() if not p.following),
                    key=lambda p: (-len(p.mutual), -p.similarity, p.user))[:limit]
    return [Suggestion(Placed(p, 2), suggestion_reason(p)) for p in ranked]


def suggestion_reason(person: Person) -> str:
    names = person.mutual
    if not names:
        return f"Tastes like yours ({person.compatibility}% compatible)"
    shown = ", ".join(names[:2]) + (f" and {len(names) - 2} more" if len(names) > 2 else "")
    return f"Friends with {shown}; {person.compatibility}% compatible"
