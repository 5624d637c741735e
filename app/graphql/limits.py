"""Query cost: every list field multiplies the cost of what it selects by its size.

Depth, aliases and tokens have Strawberry's own limiters (see schema.py); this rule
stops a shallow query from asking for a huge fan-out (100 titles x cast x credits ...).
A list's size is its `first`/`limit` argument, else `default_list` (nested lists such
as cast are unpaged but bounded in practice).
"""

from __future__ import annotations

from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLList,
    GraphQLNamedType,
    GraphQLObjectType,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationContext,
    ValidationRule,
    get_named_type,
    get_nullable_type,
)

PAGE_ARGS = ("first", "limit")
PAGED = {"edges"}  # a connection's edges are already counted by its `first`


def cost_rule(max_cost: int, max_page: int, default_list: int = 10) -> type[ValidationRule]:
    class CostLimit(ValidationRule):
        def __init__(self, context: ValidationContext) -> None:
            super().__init__(context)
            self.fragments = {d.name.value: d for d in context.document.definitions
                              if isinstance(d, FragmentDefinitionNode)}

        def size(self, field: FieldNode, is_list: bool) -> int:
            for arg in field.arguments or ():
                if arg.name.value in PAGE_ARGS:
                    # a variable's value is unknown here: assume the largest page; a
                    # literal past the largest page is refused by the resolver by name
                    if isinstance(arg.value, IntValueNode):
                        return max(1, min(int(arg.value.value), max_page))
                    return max_page
            if field.name.value in PAGED:
                return 1
            return default_list if is_list else 1

        def cost(self, parent: GraphQLNamedType | None, sel_set: SelectionSetNode | None,
                 seen: frozenset[str]) -> int:
            total = 0
            for sel in sel_set.selections if sel_set else ():
                if isinstance(sel, FieldNode):
                    fdef = parent.fields.get(sel.name.value) if isinstance(parent, GraphQLObjectType) else None
                    if fdef is None:
                        continue  # unknown fields are reported by the standard rules
                    is_list = isinstance(get_nullable_type(fdef.type), GraphQLList)
                    inner = self.cost(get_named_type(fdef.type), sel.selection_set, seen)
                    total += 1 + self.size(sel, is_list) * inner
                elif isinstance(sel, InlineFragmentNode):
                    cond = sel.type_condition
                    target = self.context.schema.get_type(cond.name.value) if cond else parent
                    total += self.cost(target, sel.selection_set, seen)
                elif isinstance(sel, FragmentSpreadNode) and sel.name.value not in seen:
                    frag = self.fragments.get(sel.name.value)
                    if frag is not None:
                        target = self.context.schema.get_type(frag.type_condition.name.value)
                        total += self.cost(target, frag.selection_set, seen | {sel.name.value})
            return total

        def enter_operation_definition(self, node: OperationDefinitionNode, *_: Any) -> None:
            root = self.context.schema.get_root_type(node.operation)
            cost = self.cost(root, node.selection_set, frozenset())
            if cost > max_cost:
                self.report_error(GraphQLError(
                    f"Query cost {cost} exceeds the limit of {max_cost}; "
                    "ask for smaller pages or fewer nested lists.", node))

    return CostLimit
