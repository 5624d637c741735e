"""A guard against a graphql-core 3.3.2 leak in subscriptions.

`Executor.build_per_event_executor` makes each event's executor a shallow copy of the
subscription's, so all events share one `_relevant_sub_fields` memo. That memo is keyed
by the identity of each event's freshly collected field lists and keeps them alive, so
every delivered event left about a dozen objects behind for as long as the subscription
lived (tests/app/test_subscription_memory.py). Each event gets memos of its own here.
"""

from __future__ import annotations

from typing import Any

from graphql.pyutils.ref_map import RefMap
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext


class EventScopedExecutor(StrawberryGraphQLCoreExecutionContext):
    def build_per_event_executor(self, payload: Any) -> Any:
        executor = super().build_per_event_executor(payload)
        executor._relevant_sub_fields = {}
        executor._stream_usages = RefMap()
        return executor
