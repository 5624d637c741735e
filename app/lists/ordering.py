"""Fractional indexing: position keys that sort as strings, so a move writes one key.

A key is a fixed-width base-62 head plus an optional fraction. Appending bumps the
head (so keys stay short however long a list grows); inserting between two items takes
the midpoint of their fractions (after the port of rocicorp/fractional-indexing's
midpoint). Nothing else in the list is renumbered.
"""

from __future__ import annotations

DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
BASE = len(DIGITS)
HEAD = 6
FIRST = "U00000"  # room on both sides: prepends count down, appends count up


def _head(key: str) -> int:
    n = 0
    for ch in key[:HEAD]:
        n = n * BASE + DIGITS.index(ch)
    return n


def _encode(n: int) -> str:
    out = []
    for _ in range(HEAD):
        n, r = divmod(n, BASE)
        out.append(DIGITS[r])
    if n:
        raise OverflowError("position head out of range")
    return "".join(reversed(out))


def _midpoint(a: str, b: str | None) -> str:
    """A fraction strictly between a and b ("" is 0, None is 1); no trailing zeros."""
    if b is not None:
        n = 0
        while n < len(b) and (a[n] if n < len(a) else "0") == b[n]:
            n += 1
        if n > 0:
            return b[:n] + _midpoint(a[n:], b[n:])
    da = DIGITS.index(a[0]) if a else 0
    db = DIGITS.index(b[0]) if b is not None else BASE
    if db - da > 1:
        return DIGITS[(da + db + 1) // 2]
    if b is not None and len(b) > 1:
        return b[:1]
    return DIGITS[da] + _midpoint(a[1:], None)


def key_between(before: str | None, after: str | None) -> str:
    """A key that sorts after `before` and before `after` (either may be None: an end)."""
    if before is not None and after is not None and not before < after:
        raise ValueError(f"{before!r} must sort before {after!r}")
    if before is None and after is None:
        return FIRST
    if before is None:
        assert after is not None
        head = _head(after)
        return _encode(head - 1) if head > 0 else after[:HEAD] + _midpoint("", after[HEAD:] or None)
    if after is None:
        return _encode(_head(before) + 1)
    if _head(after) - _head(before) > 1:
        return _encode((_head(before) + _head(after)) // 2)
    if before[:HEAD] == after[:HEAD]:
        return before[:HEAD] + _midpoint(before[HEAD:], after[HEAD:])
    return before[:HEAD] + _midpoint(before[HEAD:], None)
