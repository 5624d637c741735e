"""Query depth and cost, computed once per fragment so nesting cannot blow up the check.

Cost: every list field multiplies the cost of what it selects by its size: the
`first`/`limit` argument (or that argument's default), else `default_list` for unpaged
lists such as cast, which the Cypher caps. Aliases are counted as written in the
document (Strawberry's alias limiter re-walks fragments and is exponential on chains).
Strawberry's token limiter runs before this (see schema.py).
"""

from __future__ import annotations

from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLField,
    GraphQLList,
    GraphQLNamedType,
    GraphQLObjectType,
    InlineFragmentNode,
    IntValueNode,
    ObjectValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationContext,
    ValidationRule,
    Visitor,
    get_named_type,
    get_nullable_type,
    visit,
)

PAGE_ARGS = ("first", "limit")
INPUT_ARG = "input"
PAGED = {"edges"}  # a connection's edges are already counted by its `first`
MAX_FRAGMENT_SPREADS = 50


def _is_connection(t: GraphQLNamedType | None) -> bool:
    return isinstance(t, GraphQLObjectType) and any(name in t.fields for name in PAGED)


class _AliasCounter(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def enter_field(self, node: FieldNode, *_: Any) -> None:
        self.count += node.alias is not None


def limits_rule(max_cost: int, max_depth: int, max_page: int, max_aliases: int = 30,
                default_list: int = 10) -> type[ValidationRule]:
    class QueryLimits(ValidationRule):
        def __init__(self, context: ValidationContext) -> None:
            super().__init__(context)
            self.fragments = {d.name.value: d for d in context.document.definitions
                              if isinstance(d, FragmentDefinitionNode)}
            self.memo: dict[tuple[str, int], tuple[int, int]] = {}  # (fragment, page) -> (cost, depth)
            self.spreads = 0
            counter = _AliasCounter()
            visit(context.document, counter)
            self.aliases = counter.count

        def size(self, node: FieldNode, fdef: GraphQLField) -> int:
            boxed = self.input_size(node, fdef)
            if boxed is not None:
                return boxed
            for name in PAGE_ARGS:
                arg = next((a for a in node.arguments or () if a.name.value == name), None)
                if arg is not None:
                    # a variable is unknown here: assume the largest page; a literal past
                    # the largest page is refused by the resolver, naming the field
                    if isinstance(arg.value, IntValueNode):
                        return max(1, min(int(arg.value.value), max_page))
                    return max_page
                if name in fdef.args and isinstance(fdef.args[name].default_value, int):
                    return int(fdef.args[name].default_value)
            return default_list if isinstance(get_nullable_type(fdef.type), GraphQLList) else 1

        def input_size(self, node: FieldNode, fdef: GraphQLField) -> int | None:
            """The page size of a field paged through an input object (searchMedia(input:
            {first: 50})): the literal, else the input type's default, else the largest page."""
            if INPUT_ARG not in fdef.args:
                return None
            itype = get_named_type(fdef.args[INPUT_ARG].type)
            fields = getattr(itype, "fields", {})
            page = next((n for n in PAGE_ARGS if n in fields), None)
            if page is None:
                return None
            arg = next((a for a in node.arguments or () if a.name.value == INPUT_ARG), None)
            if arg is None or not isinstance(arg.value, ObjectValueNode):
                return max_page  # a variable: unknown here
            given = next((f for f in arg.value.fields if f.name.value == page), None)
            if given is None:
                default = fields[page].default_value
                return int(default) if isinstance(default, int) else max_page
            if isinstance(given.value, IntValueNode):
                return max(1, min(int(given.value.value), max_page))
            return max_page

        def fragment(self, name: str, stack: frozenset[str], page: int) -> tuple[int, int]:
            self.spreads += 1
            if name in stack or self.spreads > MAX_FRAGMENT_SPREADS:
                return 0, 0  # cycles are reported by the standard rules
            key = (name, page)
            if key not in self.memo:
                frag = self.fragments.get(name)
                if frag is None:
                    return 0, 0
                target = self.context.schema.get_type(frag.type_condition.name.value)
                self.memo[key] = self.walk(target, frag.selection_set, stack | {name}, page)
            return self.memo[key]

        def walk(self, parent: GraphQLNamedType | None, sel_set: SelectionSetNode | None,
                 stack: frozenset[str], page: int = 1) -> tuple[int, int]:
            """`page` is the size of the connection whose fields these are: it multiplies
            its edges, not its totals, page info or facets."""
            cost = depth = 0
            for sel in sel_set.selections if sel_set else ():
                if isinstance(sel, FieldNode):
                    fields = parent.fields if isinstance(parent, GraphQLObjectType) else {}
                    fdef = fields.get(sel.name.value)
                    if fdef is None:
                        continue  # unknown fields are reported by the standard rules
                    target = get_named_type(fdef.type)
                    size = page if sel.name.value in PAGED else self.size(sel, fdef)
                    if _is_connection(target):
                        c, d = self.walk(target, sel.selection_set, stack, size)
                        cost += 1 + c
                    else:
                        c, d = self.walk(target, sel.selection_set, stack)
                        cost += 1 + size * c
                    depth = max(depth, d + 1 if sel.selection_set else 0)  # leaves add no depth
                elif isinstance(sel, InlineFragmentNode):
                    cond = sel.type_condition
                    target = self.context.schema.get_type(cond.name.value) if cond else parent
                    c, d = self.walk(target, sel.selection_set, stack, page)
                    cost, depth = cost + c, max(depth, d)
                elif isinstance(sel, FragmentSpreadNode):
                    c, d = self.fragment(sel.name.value, stack, page)
                    cost, depth = cost + c, max(depth, d)
            return cost, depth

        def enter_operation_definition(self, node: OperationDefinitionNode, *_: Any) -> None:
            root = self.context.schema.get_root_type(node.operation)
            cost, depth = self.walk(root, node.selection_set, frozenset())
            if self.aliases > max_aliases:
                self.report_error(GraphQLError(
                    f"Query uses {self.aliases} aliases; the limit is {max_aliases}", node))
            elif self.spreads > MAX_FRAGMENT_SPREADS:
                self.report_error(GraphQLError(
                    f"Query spreads fragments more than {MAX_FRAGMENT_SPREADS} times", node))
            elif depth > max_depth:
                self.report_error(GraphQLError(
                    f"Query depth {depth} exceeds the limit of {max_depth}", node))
            elif cost > max_cost:
                self.report_error(GraphQLError(
                    f"Query cost {cost} exceeds the limit of {max_cost}; "
                    "ask for smaller pages or fewer nested lists.", node))

    return QueryLimits
