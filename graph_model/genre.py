from __future__ import annotations

from neomodel import AsyncStructuredNode, StringProperty

from .base import IdProperty


class Genre(AsyncStructuredNode):
    uid = IdProperty()
    name = StringProperty(unique_index=True, required=True, max_length=50)
    tmdb_id = StringProperty(unique_index=True)
