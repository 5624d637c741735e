"""Neo4j temporal values to the Python ones Strawberry serialises."""

from __future__ import annotations

import datetime as dt
from typing import Any


def native(value: Any) -> Any:
    """neo4j.time.DateTime / Date -> datetime / date; anything else unchanged."""
    return value.to_native() if hasattr(value, "to_native") else value


def when(value: Any) -> dt.datetime | None:
    moment: dt.datetime | None = native(value)
    return moment


def day(value: Any) -> dt.date | None:
    date: dt.date | None = native(value)
    return date
