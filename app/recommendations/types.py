"""GraphQL types of recommendations and similar titles (the spec's names)."""

from __future__ import annotations

from enum import Enum

import strawberry

from app.catalog.types import Media, MediaType


@strawberry.enum
class RecommendationSource(Enum):
    COLLABORATIVE = "COLLABORATIVE"
    CONTENT_BASED = "CONTENT_BASED"
    TRENDING = "TRENDING"
    SOCIAL = "SOCIAL"
    BECAUSE_YOU_WATCHED = "BECAUSE_YOU_WATCHED"


@strawberry.input
class RecommendationInput:
    profile_id: strawberry.ID | None = strawberry.field(
        default=None, description="A profile of your account; default: the one you act as")
    limit: int = 20
    exclude_ids: list[strawberry.ID] | None = None
    genres: list[str] | None = strawberry.field(default=None, description="Any of these genres")
    type: MediaType | None = None


@strawberry.type
class Recommendation:
    media: Media
    score: float = strawberry.field(description="The model's score; comparable within one answer")
    reason: str
    source: RecommendationSource
    model_version: str | None = strawberry.field(description="The recommender version that answered")


@strawberry.type
class SimilarMedia:
    media: Media
    score: float = strawberry.field(description="Cosine similarity of the titles' embeddings, -1 to 1")
    shared_genres: list[str]


@strawberry.type
class RetrainJob:
    job_id: str
    status: str
