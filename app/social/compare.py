"""Friend comparison figures from co-ratings (pure: the graph work is in compare.cypher)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .repository import CardRow, CoRating, GenreCount

if TYPE_CHECKING:
    from app.catalog.rows import MediaRow

SHRINK = 10  # co-ratings worth half the evidence: r * n / (n + SHRINK)
TOP = 5


@dataclass(frozen=True)
class Agreement:
    correlation: float | None  # Pearson on co-rated titles; None under 2 or with no spread
    shrunk: float  # towards 0 when few titles back it
    compatibility: int  # 0-100


@dataclass(frozen=True)
class RatedPair:
    media: MediaRow
    mine: int
    theirs: int


@dataclass(frozen=True)
class Comparison:
    """The viewer's taste beside another account's main profile."""
    user: str  # the other account
    other: CardRow
    both_watched: int
    co_rated: int
    correlation: float | None
    shrunk: float
    compatibility: int
    top_agreements: list[RatedPair]
    biggest_disagreements: list[RatedPair]
    loved_unseen: list[MediaRow]  # rated 9+ by them, unseen by the viewer
    shared_listed: list[MediaRow]  # on lists of both
    genres: list[GenreCount]


def pearson(pairs: list[tuple[float, float]]) -> float | None:
    n = len(pairs)
    if n < 2:
        return None
    sx = sum(x for x, _ in pairs)
    sy = sum(y for _, y in pairs)
    sxx = sum(x * x for x, _ in pairs)
    syy = sum(y * y for _, y in pairs)
    sxy = sum(x * y for x, y in pairs)
    den = math.sqrt((n * sxx - sx * sx) * (n * syy - sy * sy))
    return None if den == 0 else (n * sxy - sx * sy) / den


def agreement(pairs: list[tuple[float, float]]) -> Agreement:
    r = pearson(pairs)
    shrunk = 0.0 if r is None else r * len(pairs) / (len(pairs) + SHRINK)
    return Agreement(r, shrunk, round(50 * (1 + shrunk)))


def extremes(co_rated: list[CoRating]) -> tuple[list[CoRating], list[CoRating]]:
    """Top agreements: both rated it high and alike; biggest disagreements: furthest apart."""
    agree = sorted((c for c in co_rated if abs(c["mine"] - c["theirs"]) <= 1),
                   key=lambda c: (-(c["mine"] + c["theirs"]), c["media"]))[:TOP]
    disagree = sorted((c for c in co_rated if abs(c["mine"] - c["theirs"]) >= 3),
                      key=lambda c: (-abs(c["mine"] - c["theirs"]), c["media"]))[:TOP]
    return agree, disagree
