"""createReview (the spec's name), updateReview, deleteReview, reactToReview, commentOnReview, reviews."""

from __future__ import annotations

import strawberry

from app import events
from app.errors import InvalidInput, NotFound
from app.kit.principal import acting
from app.lists.types import Visibility

from . import repository, service
from .types import CreateReviewInput, Review, ReviewComment

Info = strawberry.Info  # context is app.graphql.context.Context


@strawberry.type
class ReviewEdge:
    cursor: str
    node: Review


@strawberry.type
class ReviewConnection:
    edges: list[ReviewEdge]
    has_next_page: bool
    end_cursor: str | None


@strawberry.type
class ReviewQuery:
    @strawberry.field(description="Reviews of a title that the caller may read, most helpful first")
    async def reviews(self, info: Info, media_id: strawberry.ID, first: int = 20,
                      after: str | None = None) -> ReviewConnection:
        ctx = info.context
        if not 1 <= first <= 100:
            raise InvalidInput("first must be between 1 and 100", field="first")
        p = ctx.caller.reader
        rows = await repository.visible(ctx.driver, p.user if p else None, p.profile if p else None,
                                        ctx.max_level, media=str(media_id)[:64], limit=first + 1,
                                        after=service.decode_cursor(after) if after else None)
        edges = [ReviewEdge(cursor=service.encode_cursor(r), node=Review.from_row(r)) for r in rows[:first]]
        return ReviewConnection(edges=edges, has_next_page=len(rows) > first,
                                end_cursor=edges[-1].cursor if edges else None)

    @strawberry.field
    async def review(self, info: Info, id: strawberry.ID) -> Review | None:
        ctx = info.context
        try:
            return Review.from_row(await service.readable(ctx.driver, ctx.caller.reader, ctx.max_level, str(id)))
        except NotFound:
            return None


@strawberry.type
class ReviewMutation:
    @strawberry.mutation
    async def create_review(self, info: Info, input: CreateReviewInput) -> Review:
        ctx = info.context
        p = ctx.caller.require("write:activity")
        row = await service.create(ctx.driver, ctx.auth.redis, p, str(input.media_id), input.content,
                                   input.contains_spoilers, input.visibility.value, ctx.max_level)
        return Review.from_row(await service.readable(ctx.driver, p, ctx.max_level, row["uid"]))

    @strawberry.mutation
    async def update_review(self, info: Info, id: strawberry.ID, content: str | None = None,
                            contains_spoilers: bool | None = None,
                            visibility: Visibility | None = None) -> Review:
        ctx = info.context
        p = ctx.caller.require("write:activity")
        props: dict[str, object] = {}
        if content is not None:
            props["content"] = service.check_content(content)
        if contains_spoilers is not None:
            props["contains_spoilers"] = contains_spoilers
        if visibility is not None:
            props["visibility"] = visibility.value
        if await repository.update(ctx.driver, p.user, acting(p), str(id)[:64], props) is None:
            raise NotFound("No such review of yours", field="id")
        await events.publish(ctx.auth.redis, "review.updated", profile=p.profile, review=str(id))
        return Review.from_row(await service.readable(ctx.driver, p, ctx.max_level, str(id)))

    @strawberry.mutation
    async def delete_review(self, info: Info, id: strawberry.ID) -> bool:
        ctx = info.context
        p = ctx.caller.require("write:activity")
        deleted = await repository.delete(ctx.driver, p.user, acting(p), str(id)[:64])
        if deleted:
            await events.publish(ctx.auth.redis, "review.deleted", profile=p.profile, review=str(id))
        return deleted

    @strawberry.mutation(description="Add (on: true) or take back a like / helpful / funny reaction")
    async def react_to_review(self, info: Info, review_id: strawberry.ID, kind: str, on: bool = True) -> Review:
        ctx = info.context
        p = ctx.caller.require("write:activity")
        await service.react(ctx.driver, ctx.auth.redis, p, ctx.max_level, str(review_id), kind, on)
        return Review.from_row(await service.readable(ctx.driver, p, ctx.max_level, str(review_id)))

    @strawberry.mutation(description="Comment on a review; @names (without spaces) mention people you follow")
    async def comment_on_review(self, info: Info, review_id: strawberry.ID, content: str) -> ReviewComment:
        ctx = info.context
        p = ctx.caller.require("write:activity")
        return ReviewComment.from_row(
            await service.comment(ctx.driver, ctx.auth.redis, p, ctx.max_level, str(review_id), content))
