"""Interaction files outside Neo4j, for comparing with published implementations.

pairs:      `user item [weight [unix_time]]` per line, split on whitespace or commas
adjacency:  `user item1 item2 ...` per line (the LightGCN reference's train.txt / test.txt)
Blank lines and lines starting with '#' are skipped; so is a header line of words
(such as MovieLens' `userId,movieId,rating,timestamp`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from .data import IdMap, Interactions, Row

FORMATS = ("pairs", "adjacency")
_SPLIT = re.compile(r"[\s,]+")


def _fields(path: Path) -> Iterator[tuple[int, list[str]]]:
    with path.open(encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if line and not line.startswith("#"):
                yield number, _SPLIT.split(line)


def _number(text: str, path: Path, line: int, what: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise ValueError(f"{path}:{line}: {what} {text!r} is not a number") from None


def read_rows(path: Path, fmt: str = "pairs") -> list[Row]:
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    rows: list[Row] = []
    for number, fields in _fields(path):
        if fmt == "adjacency":
            rows.extend((fields[0], item, 1.0, None) for item in fields[1:])
            continue
        if len(fields) < 2:
            raise ValueError(f"{path}:{number}: expected `user item [weight [time]]`")
        if number == 1 and len(fields) > 2 and not re.fullmatch(r"[-+.\deE]+", fields[2]):
            continue  # a header
        weight = _number(fields[2], path, number, "weight") if len(fields) > 2 else 1.0
        time = _number(fields[3], path, number, "time") if len(fields) > 3 else None
        rows.append((fields[0], fields[1], weight, time))
    return rows


def read_interactions(path: Path, fmt: str = "pairs", min_weight: float | None = None,
                      binary: bool = False) -> Interactions:
    """`min_weight` keeps rows weighing at least that (ratings of 3.5 and up, say);
    `binary` then makes every kept pair weigh 1."""
    rows = read_rows(path, fmt)
    if min_weight is not None:
        rows = [r for r in rows if r[2] >= min_weight]
    if binary:
        rows = [(u, i, 1.0, t) for u, i, _, t in rows]
    return Interactions.from_rows(rows)


def read_train_test(train: Path, test: Path, fmt: str = "pairs", min_weight: float | None = None,
                    binary: bool = False) -> tuple[Interactions, Interactions]:
    """A given split. Ids are mapped over both files; test pairs whose user or item
    never occurs in training cannot be scored by any model and are dropped."""
    rows_train, rows_test = read_rows(train, fmt), read_rows(test, fmt)
    if min_weight is not None:
        rows_train = [r for r in rows_train if r[2] >= min_weight]
        rows_test = [r for r in rows_test if r[2] >= min_weight]
    if binary:
        rows_train = [(u, i, 1.0, t) for u, i, _, t in rows_train]
    users = IdMap.of(r[0] for r in rows_train)
    items = IdMap.of(r[1] for r in rows_train)
    return (Interactions.from_rows(rows_train, users, items),
            Interactions.from_rows(rows_test, users, items))


def write_adjacency(data: Interactions, path: Path) -> None:
    """Indexes, not keys: the reference code wants 0-based contiguous integer ids."""
    lists = data.by_user()
    with path.open("w", encoding="utf-8") as f:
        for u, items in enumerate(lists):
            if len(items):
                f.write(" ".join(map(str, [u, *items.tolist()])) + "\n")
