"""Running a named Cypher file: the one helper every repository uses."""

from __future__ import annotations

from typing import Any

from neo4j import AsyncDriver, Record, RoutingControl

import cypher


async def read(driver: AsyncDriver, name: str, /, **params: Any) -> list[Record]:
    records, _, _ = await driver.execute_query(cypher.load(name), params, routing_=RoutingControl.READ)
    return records


async def write(driver: AsyncDriver, name: str, /, **params: Any) -> list[Record]:
    records, _, _ = await driver.execute_query(cypher.load(name), params, routing_=RoutingControl.WRITE)
    return records
