from __future__ import annotations

from neomodel import (
    AsyncRelationshipTo,
    AsyncStructuredNode,
    AsyncStructuredRel,
    DateProperty,
    IntegerProperty,
    StringProperty,
)

from .base import IdProperty


class ActedIn(AsyncStructuredRel):
    character = StringProperty()
    order = IntegerProperty()


class Crew(AsyncStructuredRel):
    job = StringProperty(required=True)  # "Director", "Writer", ...
    department = StringProperty()


class Person(AsyncStructuredNode):
    uid = IdProperty()
    tmdb_id = StringProperty(unique_index=True)
    imdb_id = StringProperty(unique_index=True)
    name = StringProperty(required=True, index=True)
    profile_path = StringProperty()
    birth_date = DateProperty()
    biography = StringProperty()

    acted_in = AsyncRelationshipTo("graph_model.media.Media", "ACTED_IN", model=ActedIn)
    crew_on = AsyncRelationshipTo("graph_model.media.Media", "CREW", model=Crew)
