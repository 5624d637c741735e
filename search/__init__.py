"""Catalog search: one SearchBackend interface, tantivy embedded and Meilisearch (issue #5)."""
