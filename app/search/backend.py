"""The process's search backend, chosen by the settings."""

from __future__ import annotations

from app.settings import Settings
from search import SearchBackend, build_backend


def open_search(settings: Settings) -> SearchBackend:
    m = settings.meili
    return build_backend(settings.search_dir, m.url, m.master_key, m.index_prefix)
