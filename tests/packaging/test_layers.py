"""The floors of app/: kit (shared helpers and the event bus) < domains < the GraphQL
schema, the web pages and the entry points. Imports run downward only."""

from __future__ import annotations

import importlib.util
from types import ModuleType

from .imports import ROOT, direct_imports

KIT = ("app.kit", "app.settings", "app.errors", "app.logging", "app.events")
TOP = ("app.graphql", "app.web", "app.main", "app.cli")
# who owns each graph_model module; db and base are for everyone
OWNER = {"media": "catalog", "genre": "catalog", "person": "catalog", "media_list": "lists",
         "review": "reviews", "tv": "tv", "profile": "profiles", "user": "accounts",
         "session": "accounts", "audit": "accounts"}


def modules() -> list[str]:
    found = []
    for path in sorted((ROOT / "app").rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        found.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return found


def under(module: str, floor: tuple[str, ...]) -> bool:
    return any(module == f or module.startswith(f + ".") for f in floor)


def domain(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if parts[0] == "app" and len(parts) > 2 and not under(module, KIT + TOP) else None


def arrows() -> list[tuple[str, str]]:
    return [(m, i) for m in modules() for i in sorted(direct_imports(m))
            if i.split(".")[0] in ("app", "graph_model", "cypher")]


def test_the_kit_and_the_bus_know_no_domain() -> None:
    wrong = [(m, i) for m, i in arrows()
             if under(m, KIT) and i.startswith("app.") and not under(i, KIT)]
    assert wrong == []


def test_domains_never_import_the_schema_pages_or_entry_points() -> None:
    wrong = [(m, i) for m, i in arrows() if domain(m) and under(i, TOP)]
    assert wrong == []


def test_types_modules_call_no_repository() -> None:
    wrong = [(m, i) for m, i in arrows() if m.endswith(".types")
             and (i.endswith(".repository") or i in ("cypher"))]
    assert wrong == []


def test_graph_model_classes_are_used_by_their_own_domain() -> None:
    wrong = []
    for m, i in arrows():
        parts = i.split(".")
        owner = OWNER.get(parts[1]) if parts[0] == "graph_model" and len(parts) > 1 else None
        if owner and domain(m) and domain(m) != owner:
            wrong.append((m, i))
    assert wrong == []


def test_no_domain_reaches_into_another_domains_repository() -> None:
    reaching = {(m, i) for m, i in arrows() if domain(m) and domain(i) and domain(m) != domain(i)
                and i.endswith(".repository")}
    assert reaching == set()  # call that domain's service


def _layers() -> ModuleType:
    spec = importlib.util.spec_from_file_location("layers", ROOT / "scripts" / "layers.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_domain_stands_on_a_floor() -> None:
    assert _layers().unplaced() == []


def test_no_domain_imports_a_higher_floor() -> None:
    layers = _layers()
    assert layers.upward(layers.domain_arrows()) == []
