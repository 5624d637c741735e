from __future__ import annotations

from neomodel import (
    AsyncRelationshipFrom,
    AsyncRelationshipTo,
    AsyncStructuredNode,
    AsyncStructuredRel,
    BooleanProperty,
    DateTimeNeo4jFormatProperty,
    IntegerProperty,
    StringProperty,
)

from .base import CreatedAt, IdProperty, utcnow

VISIBILITY = {"public": "public", "friends": "friends only", "private": "private"}


class ListItem(AsyncStructuredRel):
    """Membership of a title in a list.

    `position` is a fractional index: keys sort as strings, and a move writes one
    new key between its neighbours, so reordering never renumbers the list.
    """

    position = StringProperty(required=True)
    note = StringProperty(max_length=1000)
    added_at = DateTimeNeo4jFormatProperty(default=utcnow)


class MediaList(AsyncStructuredNode):
    __label__ = "List"

    uid = IdProperty()
    name = StringProperty(required=True, min_length=2, max_length=100)
    description = StringProperty(max_length=500)
    icon = StringProperty(max_length=50)
    visibility = StringProperty(choices=VISIBILITY, default="private")
    is_system = BooleanProperty(default=False)
    sort_order = IntegerProperty()  # system lists keep their fixed order
    created_at = CreatedAt()

    owner = AsyncRelationshipFrom("graph_model.profile.Profile", "OWNS")
    items = AsyncRelationshipTo("graph_model.media.Media", "CONTAINS", model=ListItem)
