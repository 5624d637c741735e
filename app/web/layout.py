"""What every page shares: the document head and the base styles."""

from __future__ import annotations

from html import escape

BASE_STYLE = """ body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem; color: #111; }
 a { color: #0645ad; } .muted { color: #555; }
 ul.titles { list-style: none; padding: 0; } ul.titles li { padding: .35rem 0; border-bottom: 1px solid #ddd; }"""


def head(title: str, style: str = "") -> str:
    """<!doctype> through </head>, with the base styles and the page's own."""
    return ('<!doctype html>\n<html lang="en"><head><meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>Reelgraph — {escape(title)}</title>\n<style>\n{BASE_STYLE}\n{style}\n</style></head>")
