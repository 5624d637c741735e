"""MovieLens rows -> normalised records; every bad row becomes a problem with its line."""

from __future__ import annotations

from ..records import MediaRecord, RatingRecord, Records, TagRecord
from ..report import RowError
from ..rows import parse_float, parse_int, parse_required, parse_timestamp
from ..titles import parse_title

SOURCE = "movielens"
NO_GENRES = "(no genres listed)"


def media_key(movie_id: int) -> str:
    return f"{SOURCE}:{movie_id}"


def user_key(user_id: int) -> str:
    return f"{SOURCE}:{user_id}"


def movie(row: dict[str, str], links: dict[int, tuple[str | None, str | None]]) -> MediaRecord:
    movie_id = parse_int(row, "movieId")
    title, original, year = parse_title(parse_required(row, "title", 300))
    if not title:
        raise RowError(f"title {row['title']!r} has no name besides its year")
    genres = [] if row["genres"].strip() == NO_GENRES else [
        g.strip() for g in row["genres"].split("|") if g.strip()
    ]
    imdb, tmdb = links.get(movie_id, (None, None))
    return MediaRecord(
        external_key=media_key(movie_id), title=title, original_title=original, year=year,
        genres=genres, movielens_id=movie_id, tmdb_id=tmdb, imdb_id=imdb,
    )


def link(row: dict[str, str]) -> tuple[int, str | None, str | None]:
    movie_id = parse_int(row, "movieId")
    imdb = row["imdbId"].strip()
    tmdb = row["tmdbId"].strip()
    if imdb and not imdb.isdigit():
        raise RowError(f"imdbId must be digits, got {imdb!r}")
    if tmdb and not tmdb.isdigit():
        raise RowError(f"tmdbId must be digits, got {tmdb!r}")
    return movie_id, (f"tt{imdb}" if imdb else None), (tmdb or None)


def stars_to_ten(stars: float) -> int:
    """MovieLens half-stars 0.5-5 map onto the platform's 1-10 scale."""
    if not 0.5 <= stars <= 5 or (stars * 2) != int(stars * 2):
        raise RowError(f"rating must be 0.5-5 in half stars, got {stars}")
    return int(stars * 2)


def rating(row: dict[str, str], known: set[int]) -> RatingRecord:
    user_id = parse_int(row, "userId")
    movie_id = parse_int(row, "movieId")
    value = stars_to_ten(parse_float(row, "rating"))
    if movie_id not in known:
        raise RowError(f"rating for unknown movieId {movie_id}")
    return RatingRecord(user_key(user_id), media_key(movie_id), value, parse_timestamp(row, "timestamp"))


def tag(row: dict[str, str], known: set[int]) -> TagRecord:
    user_id = parse_int(row, "userId")
    movie_id = parse_int(row, "movieId")
    if movie_id not in known:
        raise RowError(f"tag for unknown movieId {movie_id}")
    text = parse_required(row, "tag", 100)
    return TagRecord(user_key(user_id), media_key(movie_id), text, parse_timestamp(row, "timestamp"))


def add_user(records: Records, key: str) -> None:
    records.add_user(key, f"MovieLens user {key.split(':', 1)[1]}")
