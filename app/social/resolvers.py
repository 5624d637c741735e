"""followUser, unfollowUser, follow requests, blocks, friends and friendActivity."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Any

import strawberry

from app.accounts.auth import identify_bearer
from app.catalog.types import Media, PageInfo
from app.errors import InvalidInput, NotFound
from app.kit.checks import check_between
from app.kit.info import Info
from app.profiles.service import require_grown_up, viewer_cap
from app.recommendations.types import Recommendation, RecommendationSource

from . import because, compare, explore, live, repository, service, trending
from .live import LiveHub
from .types import (
    ActivityConnection,
    ActivityEdge,
    ActivityItem,
    ActivityKind,
    Comparison,
    Follow,
    FollowRequest,
    FollowStatus,
    GenreTaste,
    ListRef,
    LiveActivity,
    ProfileCard,
    RatingPair,
    SocialEdge,
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
        ctx = info.context
        me = ctx.caller.require().user
        rows = await repository.friends(ctx.driver, me, check_between(first, "first", 1, 500))
        return [ProfileCard.from_row(r["user"], r["profile"]) for r in rows]

    @strawberry.field(description="Follow requests waiting for your answer")
    async def follow_requests(self, info: Info, first: int = 50) -> list[FollowRequest]:
        ctx = info.context
        me = ctx.caller.require().user
        rows = await repository.follow_requests(ctx.driver, me, check_between(first, "first", 1, 500))
        return [FollowRequest(user_id=strawberry.ID(r["user"]), name=r["name"],
                              requested_at=r["requested_at"].to_native()) for r in rows]

    @strawberry.field(description="Your friendship network to depth 1-3 (at most 50 friends "
                                  "followed out of anyone, at most `limit` people)")
    async def social_graph(self, info: Info, depth: int = 2, limit: int = 100) -> SocialGraph:
        ctx = info.context
        viewer, profile = _acting(info)
        net = await explore.network(ctx.driver, viewer, check_between(depth, "depth", 1, 3),
                                    check_between(limit, "limit", 1, explore.MAX_PEOPLE))
        people = await explore.describe(ctx.driver, viewer, profile, [u for u in net.distance if u != viewer])
        shown = set(people) | {viewer}
        return SocialGraph(
            people=[_person(people[u], net.distance[u]) for u in sorted(people, key=lambda u: (net.distance[u], u))],
            edges=[SocialEdge(a=strawberry.ID(a), b=strawberry.ID(b)) for a, b in sorted(net.edges)
                   if a in shown and b in shown])

    @strawberry.field(description="A shortest chain of friends from you to this account (up to 4 steps)")
    async def social_path(self, info: Info, user_id: strawberry.ID) -> list[SocialPerson]:
        ctx = info.context
        viewer, profile = _acting(info)
        target = service.check_user_id(str(user_id))
        net = await explore.network(ctx.driver, viewer, 4, explore.MAX_PEOPLE * 5, stop_at=target)
        path = explore.path_to(net, target)[1:]
        people = await explore.describe(ctx.driver, viewer, profile, path)
        if any(u not in people for u in path):
            return []
        return [_person(people[u], net.distance[u]) for u in path]

    @strawberry.field(description="Friends of your friends, by how many friends you share and how alike you rate")
    async def suggested_follows(self, info: Info, limit: int = 10) -> list[SuggestedFollow]:
        ctx = info.context
        viewer, profile = _acting(info)
        limit = check_between(limit, "limit", 1, 50)
        net = await explore.network(ctx.driver, viewer, 2, explore.MAX_PEOPLE)
        candidates = [u for u, d in net.distance.items() if d == 2]
        people = await explore.describe(ctx.driver, viewer, profile, candidates)
        ranked = sorted((p for p in people.values() if not p["following"]),
                        key=lambda p: (-len(p["mutual"]), -p["similarity"], p["user"]))[:limit]
        return [SuggestedFollow(person=_person(p, 2), reason=explore.suggestion_reason(p)) for p in ranked]

    @strawberry.field(description="For someone who liked this title: what its fans also loved, "
                                  "and titles sharing its director or leads, each with its reason")
    async def because_you_watched(self, info: Info, media_id: strawberry.ID, limit: int = 10) -> list[Recommendation]:
        ctx = info.context
        uid = service.check_user_id(str(media_id), "mediaId")
        limit = check_between(limit, "limit", 1, ctx.settings.api.max_page_size)
        source = await ctx.catalog.media.load(uid)
        if source is None:  # unknown, or above the viewer's cap
            return []
        rows = await repository.because_you_watched(ctx.driver, uid, limit * 2, ctx.max_level)
        picks = because.rank(source["title"], rows, limit)
        found = await ctx.catalog.media.load_many([m for m, _, _ in picks])
        return [Recommendation(media=Media.from_row(m), score=score, reason=reason,
                               source=RecommendationSource.BECAUSE_YOU_WATCHED, model_version=None)
                for (_, score, reason), m in zip(picks, found) if m is not None]

    @strawberry.field(description="Titles trending over the hour, day or week: watched 1, rated 2, "
                                  "reviewed 3, listed 0.5, newer events counting more; globally, "
                                  "in one genre, or among your friends")
    async def trending(self, info: Info, timeframe: Timeframe, limit: int = 20, genre: str | None = None,
                       friends: bool = False) -> list[Media]:
        ctx = info.context
        limit = check_between(limit, "limit", 1, ctx.settings.api.max_page_size)
        if genre is not None and not 1 <= len(genre) <= 50:
            raise InvalidInput("genre must be 1-50 characters", field="genre")
        if friends:
            ranked = await trending.friends_top(ctx.driver, ctx.caller.require().user, timeframe.value,
                                                limit, ctx.max_level)
        else:
            ranked = await trending.top_or_graph(ctx.auth.redis, ctx.driver, timeframe.value, limit, genre)
        found = await ctx.catalog.media.load_many([m for m, _ in ranked])  # capped: kids see theirs
        return [Media.from_row(m) for m in found if m is not None][:limit]

    @strawberry.field(description="Your taste beside another account's: agreement, compatibility, "
                                  "what they loved that you have not seen")
    async def compare_with(self, info: Info, user_id: strawberry.ID) -> Comparison:
        ctx = info.context
        p = ctx.caller.require()
        if p.profile is None:
            raise InvalidInput("Choose a profile first", field="userId")
        row = await repository.compare(ctx.driver, p.user, p.profile, service.check_user_id(str(user_id)),
                                       ctx.max_level)
        if row is None:
            raise NotFound("No such account, or its profile is not visible to you", field="userId")
        co = row["co_rated"]
        agree = compare.agreement([(c["mine"], c["theirs"]) for c in co])
        top, apart = compare.extremes(co)
        ids = [c["media"] for c in top + apart] + row["loved_unseen"] + row["shared_listed"]
        found = dict(zip(ids, await ctx.catalog.media.load_many(ids)))

        def pairs(cs: list[dict[str, Any]]) -> list[RatingPair]:
            return [RatingPair(media=Media.from_row(found[c["media"]]), mine=c["mine"], theirs=c["theirs"])
                    for c in cs if found.get(c["media"])]

        def titles(uids: list[str]) -> list[Media]:
            return [Media.from_row(found[u]) for u in uids if found.get(u)]

        return Comparison(
            other=ProfileCard.from_row(str(user_id), row["other"]), both_watched=row["both_watched"],
            co_rated=len(co), correlation=None if agree.correlation is None else round(agree.correlation, 4),
            shrunk_correlation=round(agree.shrunk, 4), compatibility=agree.compatibility,
            top_agreements=pairs(top), biggest_disagreements=pairs(apart),
            loved_unseen=titles(row["loved_unseen"]), shared_listed=titles(row["shared_listed"]),
            genres=[GenreTaste(genre=g["genre"], mine=g["mine"], theirs=g["theirs"]) for g in row["genres"]])

    @strawberry.field(description="What the accounts you follow did, newest first; what they "
                                  "keep private or friends-only stays so")
    async def friend_activity(self, info: Info, first: int = 20, after: str | None = None) -> ActivityConnection:
        ctx = info.context
        me = ctx.caller.require().user
        limit = check_between(first, "first", 1, ctx.settings.api.max_page_size)
        after_at, after_uid = service.decode_cursor(after)
        rows = await repository.friend_activity(ctx.driver, me, limit + 1, after_at, after_uid, ctx.max_level)
        page = rows[:limit]
        # every title of the page in one load: entries' own, and those grouped into them
        ids = [r["media"] for r in page] + [m for r in page for m in r["more_media"]]
        found = dict(zip(ids, await ctx.catalog.media.load_many(ids)))
        edges = []
        for row in page:
            m = found[row["media"]]
            if m is None:
                continue
            also = [found[x] for x in row["more_media"] if found[x] is not None]
            e = row["entry"]
            item = ActivityItem(
                id=strawberry.ID(e["uid"]), actor=ProfileCard.from_row(row["user"], row["actor"]),
                kind=ActivityKind(e["kind"]), media=Media.from_row(m), also=[Media.from_row(x) for x in also],
                count=e["count"], rating=e.get("rating"),
                list=ListRef(id=strawberry.ID(row["list"]["uid"]), name=row["list"]["name"]) if row["list"] else None,
                first_at=e["first_at"].to_native(), at=e["last_at"].to_native())
            edges.append(ActivityEdge(cursor=service.encode_cursor(row), node=item))
        return ActivityConnection(edges=edges, page_info=PageInfo(
            has_next_page=len(rows) > limit, end_cursor=edges[-1].cursor if edges else None))


@strawberry.type
class SocialMutation:
    @strawberry.mutation(description="Follow an account: at once if its main profile is public, "
                                      "else as a request it answers")
    async def follow_user(self, info: Info, user_id: strawberry.ID) -> Follow:
        ctx = info.context
        p = await require_grown_up(ctx.driver, ctx.caller)
        row = await service.follow(ctx.driver, p.user, str(user_id))
        return Follow(user_id=strawberry.ID(row["user"]), status=FollowStatus(row["status"]))

    @strawberry.mutation(description="Stop following, or withdraw a request; false if neither was there")
    async def unfollow_user(self, info: Info, user_id: strawberry.ID) -> bool:
        ctx = info.context
        p = await require_grown_up(ctx.driver, ctx.caller)
        return await service.unfollow(ctx.driver, ctx.auth.redis, p.user, str(user_id))

    @strawberry.mutation
    async def approve_follow_request(self, info: Info, user_id: strawberry.ID) -> bool:
        ctx = info.context
        p = await require_grown_up(ctx.driver, ctx.caller)
        return await service.answer(ctx.driver, p.user, str(user_id), approve=True)

    @strawberry.mutation
    async def decline_follow_request(self, info: Info, user_id: strawberry.ID) -> bool:
        ctx = info.context
        p = await require_grown_up(ctx.driver, ctx.caller)
        return await service.answer(ctx.driver, p.user, str(user_id), approve=False)

    @strawberry.mutation(description="Block an account: it sees nothing of yours and cannot follow you")
    async def block_user(self, info: Info, user_id: strawberry.ID) -> bool:
        ctx = info.context
        p = await require_grown_up(ctx.driver, ctx.caller)
        return await service.block(ctx.driver, ctx.auth.redis, p.user, str(user_id))

    @strawberry.mutation
    async def unblock_user(self, info: Info, user_id: strawberry.ID) -> bool:
        ctx = info.context
        p = await require_grown_up(ctx.driver, ctx.caller)
        return await repository.unblock(ctx.driver, p.user, service.check_user_id(str(user_id)))


def _acting(info: Info) -> tuple[str, str]:
    p = info.context.caller.require()
    if p.profile is None:
        raise InvalidInput("Choose a profile first", field="profile")
    return p.user, p.profile


def _person(row: dict[str, Any], distance: int) -> SocialPerson:
    return SocialPerson(user_id=strawberry.ID(row["user"]), profile=ProfileCard.from_row(row["user"], row["profile"]),
                        distance=distance, is_friend=row["friend"], following=row["following"],
                        mutual_friends=len(row["mutual"]), similarity=row["similarity"],
                        compatibility=row["compatibility"])


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


def _card(actor: live.Actor) -> ProfileCard:
    return ProfileCard(id=strawberry.ID(actor["profile"]), user_id=strawberry.ID(actor["user"]),
                       name=actor["name"], avatar_url=actor.get("avatar_url"))


@strawberry.type
class SocialSubscription:
    @strawberry.subscription(description="What the accounts you follow do, as they do it "
                                         "(the same privacy rules as friendActivity)")
    async def activity(self, info: Info) -> AsyncGenerator[LiveActivity, None]:
        ctx = info.context
        hub, viewer, cap = await _live_viewer(info)
        async for e in live.events_for(hub, ctx.driver, viewer, cap):
            yield LiveActivity(id=strawberry.ID(e["id"]), kind=ActivityKind(e["kind"]), actor=_card(e["actor"]),
                               media_id=strawberry.ID(e["media"]), title=e["title"]["title"],
                               rating=e.get("rating"), at=e["at"])

    @strawberry.subscription(description="Titles (and episodes) one followed account watches")
    async def friend_watched(self, info: Info, user_id: strawberry.ID) -> AsyncGenerator[WatchEvent, None]:
        ctx = info.context
        hub, viewer, cap = await _live_viewer(info)
        async for e in live.events_for(hub, ctx.driver, viewer, cap,
                                       only_user=service.check_user_id(str(user_id)),
                                       kinds={"WATCHED", "EPISODES"}):
            yield WatchEvent(id=strawberry.ID(e["id"]), actor=_card(e["actor"]),
                             media_id=strawberry.ID(e["media"]), title=e["title"]["title"], at=e["at"])
