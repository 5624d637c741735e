"""The metric code every model shares, against figures worked out by hand."""

from __future__ import annotations

import math

import numpy as np
import pytest

from gnn.data import IdMap, Interactions
from gnn.evaluate import evaluate


def test_metrics_match_hand_computed_values() -> None:
    users, items = IdMap.of(["a", "b"]), IdMap.of([f"i{n}" for n in range(6)])

    def of(rows: list[tuple[str, str]]) -> Interactions:
        return Interactions.from_rows([(u, i, 1.0, None) for u, i in rows], users, items)

    train = of([("a", "i0"), ("b", "i1")])
    test = of([("a", "i2"), ("a", "i4"), ("b", "i5")])
    # a ranks i0 (trained, masked) > i2 > i3 > i4 ...; b ranks i1 (masked) > i0 > i2 > ... > i5 last
    scores = np.array([[9, 1, 8, 7, 6, 0], [5, 9, 4, 3, 2, 1]], np.float32)
    m = evaluate(lambda chunk: scores[chunk], train, test, ks=(2, 3))
    # a: top2 = i2, i3 -> 1 hit of 2; top3 = i2, i3, i4 -> 2 hits. b: top3 = i0, i2, i3 -> none
    assert m["recall@2"] == pytest.approx((1 / 2 + 0) / 2)
    assert m["recall@3"] == pytest.approx((2 / 2 + 0) / 2)
    assert m["precision@3"] == pytest.approx((2 / 3 + 0) / 2)
    assert m["hit_rate@2"] == pytest.approx(0.5)
    ideal_a3 = 1 + 1 / math.log2(3)
    assert m["ndcg@3"] == pytest.approx(((1 + 1 / math.log2(4)) / ideal_a3 + 0) / 2)
    assert m["ndcg@2"] == pytest.approx((1 / ideal_a3) / 2)
    # coverage@2: a shows i2, i3; b shows i0, i2 -> 3 of 6 items
    assert m["coverage@2"] == pytest.approx(3 / 6)
    assert m["users"] == 2
