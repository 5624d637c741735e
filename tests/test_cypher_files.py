"""Every .cypher file the code loads must at least plan on the real server."""

import ast
import re
from pathlib import Path

import pytest
from neo4j import AsyncDriver
from neomodel import AsyncStructuredNode

import cypher
import graph_model

SOURCES = ["app", "search", "gnn", "ingest", "workers", "graph_model"]

QUERY_FILES = [n for n in cypher.all_names() if not n.startswith("schema/")]


@pytest.mark.parametrize("name", QUERY_FILES)
async def test_explain(driver: AsyncDriver, name: str) -> None:
    text = cypher.load(name)
    params = {p: None for p in re.findall(r"\$(\w+)", text)}
    await driver.execute_query("EXPLAIN " + text, params)


def test_every_file_is_loaded_by_some_source() -> None:
    """A file nothing names is dead code that the EXPLAIN test would keep alive. Every
    name is written out as a literal today, so no name built at run time is allowed for."""
    root = Path(cypher.__file__).resolve().parents[1]
    literals = {node.value for folder in SOURCES for path in (root / folder).rglob("*.py")
                for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                if isinstance(node, ast.Constant) and isinstance(node.value, str)}
    assert [name for name in cypher.all_names() if name not in literals] == []


def test_unknown_name_is_an_error() -> None:
    with pytest.raises(KeyError):
        cypher.load("catalog/does_not_exist")


CLAUSE = re.compile(r"\b(OPTIONAL MATCH|MATCH|WITH|WHERE|RETURN|CREATE|MERGE|SET|DELETE|DETACH|"
                    r"UNWIND|CALL|ON CREATE|ON MATCH|REMOVE|ORDER BY|LIMIT|FOREACH|UNION)\b")


def created_labels() -> dict[str, set[str]]:
    """Labels that a CREATE or MERGE clause in cypher/ makes nodes of -> the files doing it."""
    found: dict[str, set[str]] = {}
    for name in cypher.all_names():
        text = "\n".join(line.split("//")[0] for line in cypher.load(name).splitlines())
        parts = CLAUSE.split(text)
        for keyword, body in zip(parts[1::2], parts[2::2]):
            if keyword not in ("CREATE", "MERGE") or re.match(r"\s*(INDEX|CONSTRAINT|FULLTEXT|VECTOR)", body):
                continue
            for label in re.findall(r"\(\s*\w*\s*:\s*(\w+)", body):
                found.setdefault(label, set()).add(name)
    return found


async def test_every_label_created_in_cypher_has_a_uniqueness_constraint(driver: AsyncDriver) -> None:
    rows, _, _ = await driver.execute_query(
        "SHOW CONSTRAINTS YIELD type, entityType, labelsOrTypes "
        "WHERE type = 'UNIQUENESS' AND entityType = 'NODE' RETURN labelsOrTypes[0] AS label")
    constrained = {r["label"] for r in rows}
    created = created_labels()
    assert {"Activity", "Comment", "Media", "Profile"} <= set(created)  # the parser finds them
    missing = {label: sorted(files) for label, files in created.items() if label not in constrained}
    assert missing == {}


def test_every_label_created_in_cypher_has_a_graph_model_class() -> None:
    classes = {getattr(graph_model, name) for name in graph_model.__all__}
    labels = {cls.__label__ for cls in classes if issubclass(cls, AsyncStructuredNode)}
    missing = {label: sorted(files) for label, files in created_labels().items() if label not in labels}
    assert missing == {}
