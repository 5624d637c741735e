from __future__ import annotations

from neomodel import (
    AsyncRelationshipTo,
    AsyncStructuredNode,
    DateProperty,
    IntegerProperty,
    StringProperty,
)

from .base import IdProperty
from .media import Media

SHOW_STATUS = {s: s for s in ("returning", "ended", "canceled", "in_production", "planned")}


class TVShow(Media):
    """A Media node with type "tv"; the extra label holds what only shows have."""

    number_of_seasons = IntegerProperty()
    number_of_episodes = IntegerProperty()
    status = StringProperty(choices=SHOW_STATUS)
    first_air_date = DateProperty()
    last_air_date = DateProperty()

    seasons = AsyncRelationshipTo("Season", "HAS_SEASON")


class Season(AsyncStructuredNode):
    uid = IdProperty()
    season_number = IntegerProperty(required=True)
    name = StringProperty()
    overview = StringProperty()
    poster_path = StringProperty()
    air_date = DateProperty()
    episode_count = IntegerProperty()

    episodes = AsyncRelationshipTo("Episode", "HAS_EPISODE")


class Episode(AsyncStructuredNode):
    uid = IdProperty()
    episode_number = IntegerProperty(required=True)
    title = StringProperty()
    overview = StringProperty()
    air_date = DateProperty()
    runtime = IntegerProperty()
    still_path = StringProperty()
