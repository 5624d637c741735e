"""recommendations, similarMedia, and the admins' retrainRecommender."""

from __future__ import annotations

import strawberry

from app.catalog.types import Media
from app.kit.info import Info
from workers.enqueue import RETRAIN_JOB

from . import service
from .types import (
    Recommendation,
    RecommendationInput,
    RecommendationSource,
    RetrainJob,
    SimilarMedia,
)


@strawberry.type
class RecommendationQuery:
    @strawberry.field(description="Titles for a profile to watch next, each with its reason; "
                                  "never one it rated, watched or listed")
    async def recommendations(self, info: Info, input: RecommendationInput) -> list[Recommendation]:
        ctx = info.context
        picks, version = await service.for_viewer(
            ctx.driver, ctx.caller.require(), str(input.profile_id) if input.profile_id else None,
            input.limit, [str(i) for i in input.exclude_ids or []], input.genres,
            input.type.value if input.type else None, ctx.max_level, ctx.settings.api.max_page_size,
            ctx.catalog.media.load_many)
        return [Recommendation(media=Media.from_row(m), score=p.score, reason=p.reason,
                               source=RecommendationSource(p.source), model_version=version)
                for p, m in picks]

    @strawberry.field(description="Titles the recommender places nearest this one")
    async def similar_media(self, info: Info, media_id: strawberry.ID, limit: int = 10) -> list[SimilarMedia]:
        ctx = info.context
        found = await service.similar(ctx.driver, str(media_id), limit, ctx.max_level,
                                      ctx.settings.api.max_page_size, ctx.catalog.media.load_many)
        return [SimilarMedia(media=Media.from_row(m), score=round(r["score"] * 2 - 1, 6),
                             shared_genres=r["genres"])
                for r, m in found]


@strawberry.type
class RecommendationMutation:
    @strawberry.mutation(description="Admins: retrain the recommender now (export, train, "
                                     "evaluate, and promote only if not worse)")
    async def retrain_recommender(self, info: Info) -> RetrainJob:
        ctx = info.context
        queued = await service.request_retrain(ctx.auth, ctx.caller.require_session())
        return RetrainJob(job_id=RETRAIN_JOB, status="queued" if queued else "already queued")
