"""Search: one SearchBackend interface, an embedded tantivy index by default and
Meilisearch when MEILI_URL is set; indexer.py keeps either in step with Neo4j."""

from __future__ import annotations

from pathlib import Path

from .backend import SearchBackend
from .meili_backend import MeiliBackend
from .tantivy_backend import TantivyBackend


def build_backend(folder: Path, meili_url: str | None = None, meili_key: str | None = None,
                  meili_prefix: str = "reelgraph_") -> SearchBackend:
    if meili_url:
        return MeiliBackend(meili_url, meili_key, meili_prefix)
    return TantivyBackend(folder)


__all__ = ["SearchBackend", "TantivyBackend", "MeiliBackend", "build_backend"]
