"""The one cursor codec. A cursor is a page's position, a JSON list of strings, integers
and instants in URL-safe base64. Decoding checks it strictly against the shape the caller
expects, so a forged cursor is an "Invalid cursor" error naming its argument and never
reaches a query."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import re
from typing import Any, Literal

from app.errors import InvalidInput

Kind = Literal["str", "int", "instant"]
MAX_TEXT = 300
MAX_CURSOR = 4 * 4 * MAX_TEXT  # base64 of UTF-8 JSON: room for three texts of MAX_TEXT characters
# Neo4j's offsets run from -18:00 to +18:00
INSTANT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-](0\d|1[0-7]):[0-5]\d|[+-]18:00)")


def encode(*values: str | int) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(values), ensure_ascii=False).encode()).decode()


def instant(value: Any) -> str:
    """A Neo4j DateTime (or Python datetime) as the ISO text a cursor carries."""
    return str(value.iso_format() if hasattr(value, "iso_format") else value.isoformat())


def _valid(value: Any, kind: Kind) -> bool:
    if kind == "int":
        return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 2**53
    if not isinstance(value, str) or not 1 <= len(value) <= MAX_TEXT:
        return False
    if kind == "instant":
        if not INSTANT.fullmatch(value):
            return False
        try:  # digits past microseconds are Neo4j's nanoseconds: fine, but the date must exist
            dt.datetime.fromisoformat(re.sub(r"(\.\d{6})\d+", r"\1", value).replace("Z", "+00:00"))
        except ValueError:
            return False
    return True


def decode(cursor: str, shape: tuple[Kind, ...], field: str = "after") -> tuple[Any, ...]:
    try:
        if len(cursor) > MAX_CURSOR:
            raise ValueError
        values = json.loads(base64.b64decode(cursor.encode(), altchars=b"-_", validate=True))
    except (ValueError, binascii.Error, UnicodeError):
        values = None
    if isinstance(values, list) and len(values) == len(shape) and all(map(_valid, values, shape)):
        return tuple(values)
    raise InvalidInput(f"Invalid cursor: {field} must be a cursor this API returned", field=field)
