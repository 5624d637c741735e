from __future__ import annotations

from neomodel import (
    AsyncRelationshipFrom,
    AsyncRelationshipTo,
    AsyncStructuredNode,
    DateProperty,
    DateTimeNeo4jFormatProperty,
    FloatProperty,
    IntegerProperty,
    JSONProperty,
    StringProperty,
)

from .base import CreatedAt, IdProperty

MEDIA_TYPES = {"movie": "movie", "tv": "tv"}

# Certifications as the youngest age they suit. A title without one has no level,
# and a capped (kid) profile does not see it.
CERT_LEVELS = {
    "G": 0, "TV-Y": 0, "TV-G": 0, "TV-Y7": 7, "PG": 10, "TV-PG": 10,
    "PG-13": 13, "TV-14": 14, "R": 17, "TV-MA": 17, "NC-17": 18,
}


# A title no rating board has certified has no level, except what an imported catalog
# files under Children: it counts as PG. (Animation does not: it holds adult films too.)
KID_GENRE, KID_GENRE_LEVEL = "Children", CERT_LEVELS["PG"]


def cert_level(certification: str | None) -> int | None:
    return CERT_LEVELS.get((certification or "").strip().upper())


def genre_level(genres: list[str]) -> int | None:
    """The level an uncertified imported title gets from its genres."""
    return KID_GENRE_LEVEL if KID_GENRE in genres else None


class Media(AsyncStructuredNode):
    """A title: a movie, or a TV show (which also carries the TVShow label)."""

    uid = IdProperty()
    tmdb_id = StringProperty(unique_index=True)
    imdb_id = StringProperty(unique_index=True)
    movielens_id = IntegerProperty(unique_index=True)
    # Stable key for titles from other imports ("<source>:<id>").
    external_key = StringProperty(unique_index=True)
    type = StringProperty(choices=MEDIA_TYPES, required=True, index=True)
    title = StringProperty(required=True, index=True, max_length=300)
    original_title = StringProperty(max_length=300)
    overview = StringProperty()
    year = IntegerProperty(index=True)
    release_date = DateProperty()
    runtime = IntegerProperty()
    language = StringProperty()
    certification = StringProperty()  # MPAA / TV rating, e.g. "PG-13", "TV-MA"
    cert_level = IntegerProperty(index=True)  # derived from certification on save
    poster_path = StringProperty()
    backdrop_path = StringProperty()
    vote_average = FloatProperty()
    vote_count = IntegerProperty()
    streaming_availability = JSONProperty(default=list)
    metadata_updated_at = DateTimeNeo4jFormatProperty()
    created_at = CreatedAt()

    genres = AsyncRelationshipTo("graph_model.genre.Genre", "IN_GENRE")

    def pre_save(self) -> None:  # neomodel calls hooks synchronously
        self.cert_level = cert_level(self.certification)  # type: ignore[assignment]

    cast = AsyncRelationshipFrom("graph_model.person.Person", "ACTED_IN")
    crew = AsyncRelationshipFrom("graph_model.person.Person", "CREW")
