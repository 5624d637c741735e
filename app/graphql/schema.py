"""The GraphQL schema: domain roots merged, with depth, cost and error limits."""

from __future__ import annotations

import strawberry
from graphql import GraphQLError
from strawberry.extensions import (
    AddValidationRules,
    MaskErrors,
    MaxTokensLimiter,
)
from strawberry.tools import merge_types

from app.accounts.resolvers import AccountMutation, AccountQuery
from app.activity.resolvers import ActivityMutation
from app.library.resolvers import LibraryMutation, LibraryQuery
from app.lists.resolvers import ListMutation, ListQuery
from app.reviews.resolvers import ReviewMutation, ReviewQuery
from app.tv.resolvers import TvMutation, TvQuery
from app.catalog.resolvers import CatalogQuery
from app.search.resolvers import SearchQuery
from app.discovery.resolvers import DiscoveryQuery
from app.recommendations.resolvers import RecommendationMutation, RecommendationQuery
from app.social.resolvers import SocialMutation, SocialQuery, SocialSubscription
from app.profiles.resolvers import ProfileMutation, ProfileQuery
from app.errors import DomainError
from app.logging import log
from app.settings import Settings

from .executor import EventScopedExecutor
from .limits import limits_rule

Query = merge_types("Query", (CatalogQuery, AccountQuery, ProfileQuery, ListQuery, ReviewQuery,
                              LibraryQuery, TvQuery, SearchQuery, DiscoveryQuery, RecommendationQuery,
                              SocialQuery))
Mutation = merge_types("Mutation", (AccountMutation, ProfileMutation, ListMutation, ActivityMutation,
                                    ReviewMutation, LibraryMutation, TvMutation, RecommendationMutation,
                                    SocialMutation))


def should_mask(error: GraphQLError) -> bool:
    original = error.original_error
    if original is None or isinstance(original, DomainError):
        return False  # validation errors and expected failures are meant for the caller
    log.error("graphql.unexpected_error", path=error.path, error=repr(original))
    return True


def build_schema(settings: Settings) -> strawberry.Schema:
    api = settings.api
    return strawberry.Schema(
        query=Query,
        mutation=Mutation,
        subscription=SocialSubscription,
        execution_context_class=EventScopedExecutor,
        extensions=[
            lambda: MaxTokensLimiter(max_token_count=2000),
            lambda: AddValidationRules([limits_rule(
                api.max_query_cost, api.max_query_depth, api.max_page_size)]),
            lambda: MaskErrors(should_mask_error=should_mask),
        ],
    )
