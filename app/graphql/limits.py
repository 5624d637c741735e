"""Query cost: every list field multiplies the cost of what it selects by its page size.

Depth, aliases and tokens have Strawberry's own limiters (see schema.py); this rule
stops a shallow query from asking for a huge fan-out (100 titles x 100 cast x ...).
"""

from __future__ import annotations

from typing import Any

from graphql import (
    FieldNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationContext,
    ValidationRule,
)

PAGE_ARGS = ("first", "limit")


def cost_rule(max_cost: int, default_page: int) -> type[ValidationRule]:
    class CostLimit(ValidationRule):
        def __init__(self, context: ValidationContext) -> None:
            super().__init__(context)
            self.fragments = {f.name.value: f for f in context.document.definitions
                              if f.kind == "fragment_definition"}

        def page(self, field: FieldNode) -> int:
            for arg in field.arguments or ():
                if arg.name.value in PAGE_ARGS:
                    # a variable's value is unknown here: assume the largest page
                    return int(arg.value.value) if isinstance(arg.value, IntValueNode) else default_page
            return 1

        def cost(self, selection_set: SelectionSetNode | None, seen: frozenset[str]) -> int:
            total = 0
            for sel in selection_set.selections if selection_set else ():
                if isinstance(sel, FieldNode):
                    total += 1 + self.page(sel) * self.cost(sel.selection_set, seen)
                elif isinstance(sel, InlineFragmentNode):
                    total += self.cost(sel.selection_set, seen)
                elif isinstance(sel, FragmentSpreadNode) and sel.name.value not in seen:
                    frag = self.fragments.get(sel.name.value)
                    if frag is not None:
                        total += self.cost(frag.selection_set, seen | {sel.name.value})
            return total

        def enter_operation_definition(self, node: OperationDefinitionNode, *_: Any) -> None:
            cost = self.cost(node.selection_set, frozenset())
            if cost > max_cost:
                self.report_error(GraphQLError(
                    f"Query cost {cost} exceeds the limit of {max_cost}; "
                    "ask for smaller pages or fewer nested lists.", node))

    return CostLimit
