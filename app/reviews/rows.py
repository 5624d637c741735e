"""The rows the reviews repository returns."""

from __future__ import annotations

from typing import Any, TypedDict

from app.lists.rows import Owner


class ReviewRow(TypedDict):
    uid: str
    media: str
    content: str
    contains_spoilers: bool
    visibility: str
    author: Owner
    helpful_count: int
    likes: int
    funny: int
    comment_count: int
    created_at: Any  # Neo4j DateTimes
    updated_at: Any


class CommentRow(TypedDict):
    uid: str
    content: str
    author: Owner
    created_at: Any
    mentioned: list[str]
