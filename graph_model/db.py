"""One async Neo4j driver per process, shared by neomodel and the Cypher repositories."""

from __future__ import annotations

import io

from neo4j import AsyncDriver, AsyncGraphDatabase
from neomodel import adb

import cypher


async def connect(uri: str, user: str, password: str, pool_size: int = 50) -> AsyncDriver:
    driver = AsyncGraphDatabase.driver(
        uri, auth=(user, password), max_connection_pool_size=pool_size,
        # queries read optional properties (a note, a certification) that may not exist
        # anywhere yet; the server's "unknown property" hints are noise, not problems
        notifications_min_severity="OFF",
    )
    await driver.verify_connectivity()
    await adb.set_connection(driver=driver)
    return driver


async def migrate(driver: AsyncDriver) -> dict[str, int]:
    """Create every constraint and index; safe to run any number of times.

    Returns how many constraints and indexes the database holds afterwards.
    """
    import graph_model  # noqa: F401  registers the node classes with neomodel
    from graph_model.media import KID_GENRE, KID_GENRE_LEVEL

    # neomodel reports "already exists" for each rule on a re-run; that is the
    # idempotent case, so its chatter is kept out of the caller's output.
    await adb.install_all_labels(stdout=io.StringIO())
    await cypher.apply(driver, "schema/indexes")
    # graphs imported before Children titles had a level get it (search repairs follow)
    await cypher.write(driver, "schema/genre_levels", genre=KID_GENRE, level=KID_GENRE_LEVEL)
    constraints = await cypher.read(driver, "schema/count_constraints")
    indexes = await cypher.read(driver, "schema/count_indexes")
    return {"constraints": constraints[0]["n"], "indexes": indexes[0]["n"]}
