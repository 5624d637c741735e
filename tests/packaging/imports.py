"""The project's static import graph, read from the sources (nothing is imported).

Every import counts, also those inside functions (they run when the function does),
except those under `if TYPE_CHECKING:` (they never run).
"""

from __future__ import annotations

import ast
import sys
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIRST_PARTY = ("app", "graph_model", "cypher", "ingest", "search", "gnn", "workers")


def module_file(module: str) -> Path | None:
    base = ROOT.joinpath(*module.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or \
        (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _import_nodes(tree: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    found: list[ast.Import | ast.ImportFrom] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            found.append(node)
        for child in ast.iter_child_nodes(node):
            visit(child)
    visit(tree)
    return found


@cache
def direct_imports(module: str) -> frozenset[str]:
    """Dotted names `module` imports: first-party ones resolved to modules, others as written."""
    path = module_file(module)
    if path is None:
        return frozenset()
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    names: set[str] = set()
    for node in _import_nodes(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
            continue
        if node.level:
            parts = package.split(".")
            base = ".".join(parts[:len(parts) - node.level + 1])
            source = f"{base}.{node.module}" if node.module else base
        else:
            source = node.module or ""
        names.add(source)
        for alias in node.names:  # `from pkg import submodule`
            if module_file(f"{source}.{alias.name}") is not None:
                names.add(f"{source}.{alias.name}")
    return frozenset(names)


def closure(entry: str) -> tuple[set[str], set[str]]:
    """(first-party modules, third-party top-level names) that importing `entry` can run."""
    seen: set[str] = set()
    third: set[str] = set()
    todo = [entry]
    while todo:
        name = todo.pop()
        top = name.split(".")[0]
        if top not in FIRST_PARTY:
            if top not in sys.stdlib_module_names:
                third.add(top)
            continue
        # importing a.b.c runs a/__init__ and a/b/__init__ first
        parts = name.split(".")
        for i in range(1, len(parts) + 1):
            prefix = ".".join(parts[:i])
            if prefix not in seen and module_file(prefix) is not None:
                seen.add(prefix)
                todo.extend(direct_imports(prefix))
    return seen, third
