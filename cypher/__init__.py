"""Cypher lives in .cypher files under this folder, loaded by name: load("catalog/get_media");
read and write run one (the way every package runs Cypher), apply a schema file."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any, LiteralString, TypeVar, cast

from neo4j import AsyncDriver, Record, RoutingControl

ROOT = Path(__file__).resolve().parent
T = TypeVar("T")


@cache
def load(name: str) -> LiteralString:
    path = ROOT / f"{name}.cypher"
    if not path.is_file():
        raise KeyError(f"no Cypher file named {name!r} under {ROOT}")
    # Files are part of the code base, never built from input: safe to type as literal.
    return path.read_text(encoding="utf-8")


def all_names() -> list[str]:
    return sorted(str(p.relative_to(ROOT).with_suffix("")) for p in ROOT.rglob("*.cypher"))


def _statements(name: str) -> list[LiteralString]:
    body = "\n".join(
        line for line in load(name).splitlines() if not line.lstrip().startswith("//")
    )
    return [s.strip() for s in body.split(";") if s.strip()]


async def apply(driver: AsyncDriver, name: str, /, **params: Any) -> None:
    """Runs a file of several `;`-separated schema statements (cypher/schema), one at a
    time: a schema change cannot share its transaction with another statement."""
    for statement in _statements(name):
        await driver.execute_query(statement, params, routing_=RoutingControl.WRITE)


async def read(driver: AsyncDriver, name: str, /, **params: Any) -> list[Record]:
    records, _, _ = await driver.execute_query(load(name), params, routing_=RoutingControl.READ)
    return records


async def write(driver: AsyncDriver, name: str, /, **params: Any) -> list[Record]:
    records, _, _ = await driver.execute_query(load(name), params, routing_=RoutingControl.WRITE)
    return records


def typed(records: list[Record], row: type[T]) -> list[T]:
    """Records as the typed rows (TypedDicts) their file's RETURN clause names."""
    return [cast(T, r.data()) for r in records]
