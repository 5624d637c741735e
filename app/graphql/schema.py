"""The GraphQL schema: domain roots merged, with depth, cost and error limits."""

from __future__ import annotations

import re
from collections.abc import Iterator

import strawberry
from graphql import GraphQLError
from neo4j.exceptions import ServiceUnavailable as Neo4jUnavailable
from redis.exceptions import RedisError
from strawberry.extensions import (
    AddValidationRules,
    MaskErrors,
    MaxTokensLimiter,
    SchemaExtension,
)
from strawberry.tools import merge_types

from app.accounts.resolvers import AccountMutation, AccountQuery
from app.activity.resolvers import ActivityMutation
from app.catalog.resolvers import CatalogQuery
from app.discovery.resolvers import DiscoveryQuery
from app.errors import DomainError
from app.library.resolvers import LibraryMutation, LibraryQuery
from app.lists.resolvers import ListMutation, ListQuery
from app.logging import log
from app.profiles.resolvers import ProfileMutation, ProfileQuery
from app.recommendations.resolvers import RecommendationMutation, RecommendationQuery
from app.reviews.resolvers import ReviewMutation, ReviewQuery
from app.search.resolvers import SearchQuery
from app.settings import Settings
from app.social.resolvers import SocialMutation, SocialQuery, SocialSubscription
from app.tv.resolvers import TvMutation, TvQuery

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


# "Variable '$input' has invalid value at .visibility: ..." (and "of required type ...")
VARIABLE = re.compile(r"Variable '\$(\w+)'(?: has invalid value at \.?([\w.\[\]]+):)?")


def named_variable_error(error: GraphQLError) -> GraphQLError | None:
    """graphql-core's answer to a variable of the wrong type, as an InvalidInput naming it."""
    found = VARIABLE.match(error.message) if error.path is None else None
    if found is None:
        return None
    field = ".".join(filter(None, found.groups()))
    return GraphQLError(error.message, nodes=error.nodes, source=error.source, positions=error.positions,
                        extensions={"code": "InvalidInput", "field": field})


def outage_error(error: GraphQLError) -> GraphQLError | None:
    """A service that does not answer (Redis, Neo4j): said plainly, fast, without internals."""
    original = error.original_error
    if isinstance(original, RedisError):
        name = "Redis"
    elif isinstance(original, Neo4jUnavailable):
        name = "Neo4j"
    else:
        return None
    log.warning("graphql.service_unavailable", service=name, path=error.path, error=repr(original))
    return GraphQLError(f"{name} is not answering; try again shortly", nodes=error.nodes, source=error.source,
                        positions=error.positions, path=error.path,
                        extensions={"code": "ServiceUnavailable", "service": name})


class ExplainErrors(SchemaExtension):
    """Runs before MaskErrors looks (listed after it): a variable's type error is the
    caller's mistake, told with the variable; an outage is told as one. Neither is an
    "Unexpected error"."""

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        if result is not None and result.errors:
            result.errors = [named_variable_error(e) or outage_error(e) or e for e in result.errors]


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
            ExplainErrors,
        ],
    )
