"""Resolvers and pages are thin: they parse arguments, call a service and map its answer.
Every rule, query and event sits behind the service, so a page and the API calling the same
service behave alike. Read from the sources: imports inside functions count too."""

from __future__ import annotations

from .imports import ROOT, direct_imports

# what only a service (or a repository under it) may touch
FORBIDDEN = ("cypher", "app.events", "neo4j")


def _modules(pattern: str) -> list[str]:
    return [".".join(p.relative_to(ROOT).with_suffix("").parts) for p in sorted(ROOT.glob(pattern))]


def resolver_modules() -> list[str]:
    return _modules("app/*/resolvers.py")


def page_modules() -> list[str]:
    return _modules("app/web/*.py") + _modules("app/media/routes.py")


def reaching(module: str) -> list[str]:
    return sorted(i for i in direct_imports(module)
                  if i.endswith(".repository") or i.split(".")[-1] == "repository"
                  or any(i == f or i.startswith(f + ".") for f in FORBIDDEN))


def test_there_are_resolvers_to_check() -> None:
    assert len(resolver_modules()) >= 10


def test_resolvers_import_no_repository_cypher_or_event_bus() -> None:
    wrong = {m: reaching(m) for m in resolver_modules() if reaching(m)}
    assert wrong == {}


def test_pages_import_no_repository_cypher_or_event_bus() -> None:
    wrong = {m: reaching(m) for m in page_modules() if reaching(m)}
    assert wrong == {}


def test_the_grown_up_rule_is_checked_by_services_not_resolvers() -> None:
    # a kid or guest profile may not manage the account or its follows: the services that
    # do so check it themselves, so a page cannot forget to
    naming = [m for m in resolver_modules() if "require_grown_up" in (ROOT / (m.replace(".", "/") + ".py")).read_text()]
    assert naming == []
