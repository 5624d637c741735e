"""followUser, unfollowUser, follow requests, blocks, friends, friendActivity, the explorer,
comparisons, picks and trending: arguments in, one service call, Strawberry types out."""

from __future__ import annotations

from collections.abc import AsyncGenerator

import strawberry

from app.accounts.auth import identify_bearer
from app.catalog.types import Media
from app.kit.checks import check_id
from app.kit.info import Info
from app.profiles.service import viewer_cap
from app.recommendations.types import Recommendation, RecommendationSource

from . import live, service
from .live import LiveHub
from .types import (
    ActivityConnection,
    Comparison,
    Follow,
    FollowRequest,
    LiveActivity,
    ProfileCard,
    SocialGraph,
    SocialPerson,
    SuggestedFollow,
    Timeframe,
    WatchEvent,
)


@strawberry.type
class SocialQuery:
    @strawberry.field(description="Accounts that follow you and that you follow (mutual follows)")
    async def friends(self, info: Info, first: int = 50) -> list[ProfileCard]:
        rows = await service.friends(info.context.driver, info.context.caller, first)
        return [ProfileCard.from_row(r["user"], r["profile"]) for r in rows]

    @strawberry.field(description="Follow requests waiting for your answer")
    async def follow_requests(self, info: Info, first: int = 50) -> list[FollowRequest]:
        rows = await service.follow_requests(info.context.driver, info.context.caller, first)
        return [FollowRequest.of(r) for r in rows]

    @strawberry.field(description="Your friendship network to depth 1-3 (at most 50 friends "
                                  "followed out of anyone, at most `limit` people)")
    async def social_graph(self, info: Info, depth: int = 2, limit: int = 100) -> SocialGraph:
        return SocialGraph.of(await service.social_graph(info.context.driver, info.context.caller, depth, limit))

    @strawberry.field(description="A shortest chain of friends from you to this account (up to 4 steps)")
    async def social_path(self, info: Info, user_id: strawberry.ID) -> list[SocialPerson]:
        path = await service.social_path(info.context.driver, info.context.caller, str(user_id))
        return [SocialPerson.of(p) for p in path]

    @strawberry.field(description="Friends of your friends, by how many friends you share and how alike you rate")
    async def suggested_follows(self, info: Info, limit: int = 10) -> list[SuggestedFollow]:
        found = await service.suggested_follows(info.context.driver, info.context.caller, limit)
        return [SuggestedFollow.of(s) for s in found]

    @strawberry.field(description="For someone who liked this title: what its fans also loved, "
                                  "and titles sharing its director or leads, each with its reason")
    async def because_you_watched(self, info: Info, media_id: strawberry.ID, limit: int = 10) -> list[Recommendation]:
        ctx = info.context
        picks = await service.because_you_watched(ctx.driver, str(media_id), limit, ctx.settings.api.max_page_size,
                                                  ctx.max_level, ctx.catalog.media.load_many)
        return [Recommendation(media=Media.from_row(p.media), score=p.score, reason=p.reason,
                               source=RecommendationSource.BECAUSE_YOU_WATCHED, model_version=None) for p in picks]

    @strawberry.field(description="Titles trending over the hour, day or week: watched 1, rated 2, "
                                  "reviewed 3, listed 0.5, newer events counting more; globally, "
                                  "in one genre, or among your friends")
    async def trending(self, info: Info, timeframe: Timeframe, limit: int = 20, genre: str | None = None,
                       friends: bool = False) -> list[Media]:
        ctx = info.context
        found = await service.trending_titles(ctx.driver, ctx.auth.redis, ctx.caller, timeframe.value, limit, genre,
                                              friends, ctx.settings.api.max_page_size, ctx.max_level,
                                              ctx.catalog.media.load_many)
        return [Media.from_row(m) for m in found]

    @strawberry.field(description="Your taste beside another account's: agreement, compatibility, "
                                  "what they loved that you have not seen")
    async def compare_with(self, info: Info, user_id: strawberry.ID) -> Comparison:
        ctx = info.context
        return Comparison.of(await service.compare_with(ctx.driver, ctx.caller, str(user_id), ctx.max_level,
                                                        ctx.catalog.media.load_many))

    @strawberry.field(description="What the accounts you follow did, newest first; what they "
                                  "keep private or friends-only stays so")
    async def friend_activity(self, info: Info, first: int = 20, after: str | None = None) -> ActivityConnection:
        ctx = info.context
        page = await service.friend_activity(ctx.driver, ctx.caller, first, after, ctx.settings.api.max_page_size,
                                             ctx.max_level, ctx.catalog.media.load_many)
        return ActivityConnection.of(page)


@strawberry.type
class SocialMutation:
    @strawberry.mutation(description="Follow an account: at once if its main profile is public, "
                                      "else as a request it answers")
    async def follow_user(self, info: Info, user_id: strawberry.ID) -> Follow:
        ctx = info.context
        return Follow.of(await service.follow_user(ctx.driver, ctx.caller, str(user_id)))

    @strawberry.mutation(description="Stop following, or withdraw a request; false if neither was there")
    async def unfollow_user(self, info: Info, user_id: strawberry.ID) -> bool:
        ctx = info.context
        return await service.unfollow_user(ctx.driver, ctx.auth.redis, ctx.caller, str(user_id))

    @strawberry.mutation
    async def approve_follow_request(self, info: Info, user_id: strawberry.ID) -> bool:
        ctx = info.context
        return await service.answer_request(ctx.driver, ctx.caller, str(user_id), approve=True)

    @strawberry.mutation
    async def decline_follow_request(self, info: Info, user_id: strawberry.ID) -> bool:
        ctx = info.context
        return await service.answer_request(ctx.driver, ctx.caller, str(user_id), approve=False)

    @strawberry.mutation(description="Block an account: it sees nothing of yours and cannot follow you")
    async def block_user(self, info: Info, user_id: strawberry.ID) -> bool:
        ctx = info.context
        return await service.block_user(ctx.driver, ctx.auth.redis, ctx.caller, str(user_id))

    @strawberry.mutation
    async def unblock_user(self, info: Info, user_id: strawberry.ID) -> bool:
        ctx = info.context
        return await service.unblock_user(ctx.driver, ctx.caller, str(user_id))


async def _live_viewer(info: Info) -> tuple[LiveHub, str, int | None]:
    """A WebSocket may sign in in its connection_init payload instead of a header."""
    ctx = info.context
    caller = ctx.caller
    params = ctx.connection_params if isinstance(ctx.connection_params, dict) else {}
    if caller.principal is None and isinstance(params.get("authorization"), str):
        caller = await identify_bearer(ctx.auth, params["authorization"][:4096])
        ctx.max_level = await viewer_cap(ctx.driver, caller)
    assert ctx.live is not None, "subscriptions are served by the app, which starts the hub"
    return ctx.live, caller.require().user, ctx.max_level


@strawberry.type
class SocialSubscription:
    @strawberry.subscription(description="What the accounts you follow do, as they do it "
                                         "(the same privacy rules as friendActivity)")
    async def activity(self, info: Info) -> AsyncGenerator[LiveActivity, None]:
        ctx = info.context
        hub, viewer, cap = await _live_viewer(info)
        async for e in live.events_for(hub, ctx.driver, viewer, cap):
            yield LiveActivity.of(e)

    @strawberry.subscription(description="Titles (and episodes) one followed account watches")
    async def friend_watched(self, info: Info, user_id: strawberry.ID) -> AsyncGenerator[WatchEvent, None]:
        ctx = info.context
        hub, viewer, cap = await _live_viewer(info)
        async for e in live.events_for(hub, ctx.driver, viewer, cap,
                                       only_user=check_id(user_id, "userId"),
                                       kinds={"WATCHED", "EPISODES"}):
            yield WatchEvent.of(e)
