"""createReview (the spec's name), updateReview, deleteReview, reactToReview, commentOnReview, reviews."""

from __future__ import annotations

import strawberry

from app.errors import NotFound
from app.kit.info import Info
from app.lists.types import Visibility

from . import service
from .types import CreateReviewInput, Review, ReviewComment, ReviewConnection, ReviewEdge


@strawberry.type
class ReviewQuery:
    @strawberry.field(description="Reviews of a title that the caller may read, most helpful first")
    async def reviews(self, info: Info, media_id: strawberry.ID, first: int = 20,
                      after: str | None = None) -> ReviewConnection:
        ctx = info.context
        page = await service.page(ctx.driver, ctx.caller.reader, ctx.max_level, str(media_id), first, after)
        edges = [ReviewEdge(cursor=service.encode_cursor(r), node=Review.from_row(r)) for r in page.items]
        return ReviewConnection(edges=edges, has_next_page=page.has_next,
                                end_cursor=edges[-1].cursor if edges else None)

    @strawberry.field
    async def review(self, info: Info, id: strawberry.ID) -> Review | None:
        ctx = info.context
        try:
            return Review.from_row(await service.readable(ctx.driver, ctx.caller.reader, ctx.max_level, str(id), "id"))
        except NotFound:
            return None


@strawberry.type
class ReviewMutation:
    @strawberry.mutation
    async def create_review(self, info: Info, input: CreateReviewInput) -> Review:
        ctx = info.context
        return Review.from_row(await service.create(
            ctx.driver, ctx.auth.redis, ctx.caller.require("write:activity"), str(input.media_id),
            input.content, input.contains_spoilers, input.visibility.value, ctx.max_level))

    @strawberry.mutation
    async def update_review(self, info: Info, id: strawberry.ID, content: str | None = None,
                            contains_spoilers: bool | None = None,
                            visibility: Visibility | None = None) -> Review:
        ctx = info.context
        return Review.from_row(await service.update(
            ctx.driver, ctx.auth.redis, ctx.caller.require("write:activity"), ctx.max_level, str(id),
            content, contains_spoilers, visibility.value if visibility else None))

    @strawberry.mutation
    async def delete_review(self, info: Info, id: strawberry.ID) -> bool:
        ctx = info.context
        return await service.delete(ctx.driver, ctx.auth.redis, ctx.caller.require("write:activity"), str(id))

    @strawberry.mutation(description="Add (on: true) or take back a like / helpful / funny reaction")
    async def react_to_review(self, info: Info, review_id: strawberry.ID, kind: str, on: bool = True) -> Review:
        ctx = info.context
        return Review.from_row(await service.react(ctx.driver, ctx.auth.redis, ctx.caller.require("write:activity"),
                                                   ctx.max_level, str(review_id), kind, on))

    @strawberry.mutation(description="Comment on a review; @names (without spaces) mention people you follow")
    async def comment_on_review(self, info: Info, review_id: strawberry.ID, content: str) -> ReviewComment:
        ctx = info.context
        return ReviewComment.from_row(await service.comment(
            ctx.driver, ctx.auth.redis, ctx.caller.require("write:activity"), ctx.max_level, str(review_id),
            content))
