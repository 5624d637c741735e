"""Every .cypher file the code loads must at least plan on the real server."""

import re

import pytest
from neo4j import AsyncDriver

import cypher

QUERY_FILES = [n for n in cypher.all_names() if not n.startswith("schema/")]


@pytest.mark.parametrize("name", QUERY_FILES)
async def test_explain(driver: AsyncDriver, name: str) -> None:
    text = cypher.load(name)
    params = {p: None for p in re.findall(r"\$(\w+)", text)}
    await driver.execute_query("EXPLAIN " + text, params)


def test_unknown_name_is_an_error() -> None:
    with pytest.raises(KeyError):
        cypher.load("catalog/does_not_exist")
