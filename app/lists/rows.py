"""The rows the lists repository returns and the service hands on."""

from __future__ import annotations

from typing import Any, TypedDict


class Owner(TypedDict):
    uid: str
    name: str | None


class ListRow(TypedDict):
    uid: str
    name: str
    description: str | None
    icon: str | None
    visibility: str
    is_system: bool
    item_count: int
    owner: Owner | None
    mine: bool
    role: str | None  # viewer or editor when shared with the viewer


class ItemRow(TypedDict):
    position: str
    note: str | None
    added_at: Any  # a Neo4j DateTime


class CollaboratorRow(TypedDict):
    id: str
    name: str | None
    role: str


class NotInList(LookupError):
    """A move names a title the list does not hold."""

    def __init__(self, media: str) -> None:
        super().__init__(media)
        self.media = media
