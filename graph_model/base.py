"""Property helpers shared by the node classes."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from neomodel import DateTimeNeo4jFormatProperty, StringProperty


def new_id() -> str:
    return str(uuid.uuid4())


def utcnow() -> datetime:
    return datetime.now(UTC)


def IdProperty() -> StringProperty:
    """UUID primary key, unique in the graph (neomodel reserves the name `id`)."""
    return StringProperty(unique_index=True, default=new_id)


def CreatedAt() -> DateTimeNeo4jFormatProperty:
    # Native Neo4j datetimes, so Cypher files can compare and sort them directly.
    return DateTimeNeo4jFormatProperty(default=utcnow)
