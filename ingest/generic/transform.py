"""Generic CSV rows -> normalised records.

items:        id,title,year,genres[,type,original_title,overview,tmdb_id,imdb_id]
interactions: user,item,rating|weight|value,timestamp
follows:      follower,followee
Genres are separated by "|"; keys become "<source>:<id>".
"""

from __future__ import annotations

from typing import Literal

from ..records import FollowRecord, MediaRecord, RatingRecord, WatchRecord
from ..report import RowError
from ..rows import parse_float, parse_int, parse_required, parse_timestamp

ValueKind = Literal["rating5", "rating10", "watches"]
ITEM_COLUMNS = ["id", "title", "year", "genres"]
INTERACTION_COLUMNS = ["user", "item", "rating|weight|value", "timestamp"]
FOLLOW_COLUMNS = ["follower", "followee"]


def key(source: str, raw: str, column: str) -> str:
    value = raw.strip()
    if not value:
        raise RowError(f"{column} is empty")
    if len(value) > 100:
        raise RowError(f"{column} is longer than 100 characters")
    return f"{source}:{value}"


def item(row: dict[str, str], source: str) -> MediaRecord:
    year = parse_int(row, "year") if row["year"].strip() else None
    if year is not None and not 1870 <= year <= 2100:
        raise RowError(f"year must be between 1870 and 2100, got {year}")
    kind = (row.get("type") or "movie").strip() or "movie"
    if kind not in ("movie", "tv"):
        raise RowError(f"type must be movie or tv, got {kind!r}")
    genres = [g.strip() for g in row["genres"].split("|") if g.strip()]
    if any(len(g) > 50 for g in genres):
        raise RowError("genres: each genre must be at most 50 characters")
    return MediaRecord(
        external_key=key(source, row["id"], "id"),
        title=parse_required(row, "title", 300),
        year=year,
        genres=genres,
        type=kind,
        original_title=(row.get("original_title") or "").strip() or None,
        overview=(row.get("overview") or "").strip()[:5000] or None,
        tmdb_id=(row.get("tmdb_id") or "").strip() or None,
        imdb_id=(row.get("imdb_id") or "").strip() or None,
    )


def interaction(
    row: dict[str, str], source: str, value: ValueKind, known: set[str]
) -> RatingRecord | WatchRecord:
    user = key(source, row["user"], "user")
    item_key = key(source, row["item"], "item")
    column = next(c for c in ("rating", "weight", "value") if c in row)
    number = parse_float(row, column)
    ts = parse_timestamp(row, "timestamp")
    if item_key not in known:
        raise RowError(f"{'rating' if value != 'watches' else 'interaction'} for unknown item {row['item'].strip()!r}")
    if value == "watches":
        if number < 1 or number != int(number):
            raise RowError(f"{column} must be a whole number of watches >= 1, got {number}")
        return WatchRecord(user, item_key, int(number), ts, ts)
    low, high, factor = (0.5, 5.0, 2) if value == "rating5" else (1.0, 10.0, 1)
    if not low <= number <= high:
        raise RowError(f"{column} must be between {low:g} and {high:g}, got {number:g}")
    return RatingRecord(user, item_key, max(1, round(number * factor)), ts)


def follow(row: dict[str, str], source: str) -> FollowRecord:
    a = key(source, row["follower"], "follower")
    b = key(source, row["followee"], "followee")
    if a == b:
        raise RowError("follower and followee are the same user")
    return FollowRecord(a, b)
