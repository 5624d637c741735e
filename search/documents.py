"""What the search index holds: one document per title and per person, built from Neo4j rows.

Both backends store the same flat documents; `digest` is a hash of the searchable content,
so the consistency check can tell a stale document from a fresh one without comparing fields.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from typing import Any

MAX_CAST = 10  # lead cast is what people search for; the tail only adds noise


@dataclass(frozen=True)
class MediaDoc:
    id: str
    type: str  # "movie" | "tv"
    title: str
    original_title: str | None = None
    year: int | None = None
    overview: str | None = None
    genres: list[str] = field(default_factory=list)
    cast: list[str] = field(default_factory=list)
    directors: list[str] = field(default_factory=list)
    certification: str | None = None
    cert_level: int | None = None
    providers: list[str] = field(default_factory=list)
    rating: float | None = None  # mean of the platform's 1-10 ratings
    rating_count: int = 0
    popularity: int = 0  # profiles who rated or watched it
    poster_path: str | None = None

    @property
    def decade(self) -> int | None:
        return self.year // 10 * 10 if self.year is not None else None

    @property
    def digest(self) -> str:
        return _digest(asdict(self))


@dataclass(frozen=True)
class PersonDoc:
    id: str
    name: str
    known_for: int = 0  # number of credits, ranks famous names first
    profile_path: str | None = None

    @property
    def digest(self) -> str:
        return _digest(asdict(self))


def _digest(values: dict[str, Any]) -> str:
    raw = json.dumps(values, sort_keys=True, separators=(",", ":"), default=str).encode()
    return hashlib.blake2b(raw, digest_size=12).hexdigest()


def _providers(raw: Any) -> list[str]:
    """Media.streaming_availability is a JSON list of {provider, kind, ...}."""
    try:
        items = json.loads(raw) if isinstance(raw, str) else (raw or [])
    except ValueError:
        return []
    if not isinstance(items, list):
        return []
    names = {str(p["provider"]) for p in items if isinstance(p, dict) and p.get("provider")}
    return sorted(names)


def media_doc(row: dict[str, Any]) -> MediaDoc:
    """A row of cypher/search/media_documents into a document."""
    rating = row.get("rating")
    return MediaDoc(
        id=row["uid"], type=row["type"], title=row["title"],
        original_title=row.get("original_title") or None, year=row.get("year"),
        overview=row.get("overview") or None, genres=sorted(row.get("genres") or []),
        cast=list(row.get("cast") or [])[:MAX_CAST], directors=sorted(row.get("directors") or []),
        certification=row.get("certification") or None, cert_level=row.get("cert_level"),
        providers=_providers(row.get("streaming_availability")),
        rating=round(float(rating), 3) if rating is not None else None,
        rating_count=int(row.get("rating_count") or 0), popularity=int(row.get("popularity") or 0),
        poster_path=row.get("poster_path") or None,
    )


def person_doc(row: dict[str, Any]) -> PersonDoc:
    return PersonDoc(id=row["uid"], name=row["name"], known_for=int(row.get("credits") or 0),
                     profile_path=row.get("profile_path") or None)
