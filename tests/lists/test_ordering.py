"""Fractional position keys: any sequence of moves keeps a strict order, keys stay short."""

import random

import pytest

from app.lists.ordering import key_between


def test_appends_stay_fixed_width() -> None:
    keys = [key_between(None, None)]
    for _ in range(2000):
        keys.append(key_between(keys[-1], None))
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    assert max(map(len, keys)) == 6


def test_random_moves_keep_a_strict_order() -> None:
    rng = random.Random(7)
    keys = [key_between(None, None)]
    for _ in range(300):
        keys.append(key_between(keys[-1], None))
    for _ in range(5000):
        keys.pop(rng.randrange(len(keys)))
        at = rng.randrange(len(keys) + 1)
        keys.insert(at, key_between(keys[at - 1] if at else None, keys[at] if at < len(keys) else None))
        assert keys[max(0, at - 1):at + 2] == sorted(keys[max(0, at - 1):at + 2])
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    assert max(map(len, keys)) <= 12


def test_prepends_and_bad_bounds() -> None:
    first = key_between(None, None)
    before = key_between(None, first)
    assert before < first and key_between(before, first) not in (before, first)
    with pytest.raises(ValueError):
        key_between(first, before)
