"""recommendations, similarMedia, and the admins' retrainRecommender."""

from __future__ import annotations

import strawberry

from app.accounts import repository as accounts
from app.catalog.types import Media
from app.errors import Forbidden, InvalidInput
from app.kit.checks import check_between, check_values
from app.profiles.service import certification_cap, must_own, restricted

from . import service
from .types import (
    Recommendation,
    RecommendationInput,
    RecommendationSource,
    RetrainJob,
    SimilarMedia,
)

Info = strawberry.Info
MAX_EXCLUDED = 500


@strawberry.type
class RecommendationQuery:
    @strawberry.field(description="Titles for a profile to watch next, each with its reason; "
                                  "never one it rated, watched or listed")
    async def recommendations(self, info: Info, input: RecommendationInput) -> list[Recommendation]:
        ctx = info.context
        principal = ctx.caller.require()
        if principal.profile is None:
            raise InvalidInput("Choose a profile first", field="input.profileId")
        profile, cap = principal.profile, ctx.max_level
        if input.profile_id and input.profile_id != principal.profile:
            acting = await must_own(ctx.driver, principal.user, principal.profile)
            await must_own(ctx.driver, principal.user, input.profile_id)
            if restricted(acting):
                raise Forbidden("Only a grown-up profile may see another profile's recommendations")
            profile = str(input.profile_id)
            cap = await certification_cap(ctx.driver, principal.user, profile)
        limit = check_between(input.limit, "input.limit", 1, ctx.settings.api.max_page_size)
        request = service.Request(
            profile=profile, limit=limit,
            exclude=check_values([str(i) for i in input.exclude_ids or []], "input.excludeIds", 64, MAX_EXCLUDED),
            genres=check_values(input.genres, "input.genres", 50) or None,
            type=input.type.value if input.type else None, max_level=cap)
        picks, version = await service.recommend(ctx.driver, request)
        # the capped loader is the last word on what this viewer may see
        media = await ctx.catalog.media.load_many([p.uid for p in picks])
        return [Recommendation(media=Media.from_row(m), score=p.score, reason=p.reason,
                               source=RecommendationSource(p.source), model_version=version)
                for p, m in zip(picks, media) if m is not None]

    @strawberry.field(description="Titles the recommender places nearest this one")
    async def similar_media(self, info: Info, media_id: strawberry.ID, limit: int = 10) -> list[SimilarMedia]:
        ctx = info.context
        if not 1 <= len(media_id) <= 64:
            raise InvalidInput("mediaId must be 1-64 characters", field="mediaId")
        limit = check_between(limit, "limit", 1, ctx.settings.api.max_page_size)
        source = await ctx.catalog.media.load(str(media_id))
        if source is None:  # unknown, or above the viewer's cap: nothing to compare with
            return []
        rows = await service.similar(ctx.driver, str(media_id), limit, ctx.max_level)
        media = await ctx.catalog.media.load_many([r["uid"] for r in rows])
        return [SimilarMedia(media=Media.from_row(m), score=round(r["score"] * 2 - 1, 6),
                             shared_genres=r["genres"])
                for r, m in zip(rows, media) if m is not None]


@strawberry.type
class RecommendationMutation:
    @strawberry.mutation(description="Admins: retrain the recommender now (export, train, "
                                     "evaluate, and promote only if not worse)")
    async def retrain_recommender(self, info: Info) -> RetrainJob:
        ctx = info.context
        principal = ctx.caller.require_session()
        found = await accounts.user_by_id(ctx.driver, principal.user)
        if found is None or not ctx.settings.auth.is_admin(found[0].get("email")):
            raise Forbidden("Only an administrator may retrain the recommender")
        queued = await service.request_retrain(ctx.auth.jobs)
        return RetrainJob(job_id=service.RETRAIN_JOB, status="queued" if queued else "already queued")
