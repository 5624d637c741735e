from __future__ import annotations

from neomodel import (
    ArrayProperty,
    AsyncRelationshipFrom,
    AsyncStructuredNode,
    DateTimeNeo4jFormatProperty,
    IntegerProperty,
    StringProperty,
)

from .base import IdProperty


class Activity(AsyncStructuredNode):
    """One feed entry: events of one kind on one target, grouped while they keep coming
    (written by cypher/social/record_activity)."""

    uid = IdProperty()
    kind = StringProperty(required=True)
    target = StringProperty(required=True)  # the uid the events are about
    count = IntegerProperty(default=1)
    first_at = DateTimeNeo4jFormatProperty()
    last_at = DateTimeNeo4jFormatProperty()
    media = ArrayProperty(StringProperty(), default=list)  # latest titles first, at most 5
    rating = IntegerProperty()
    list = StringProperty()
    review = StringProperty()
    events = ArrayProperty(StringProperty(), default=list)  # ids already recorded, last 50

    actor = AsyncRelationshipFrom("graph_model.profile.Profile", "DID")
