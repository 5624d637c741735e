"""Catalog titles as MovieLens writes them: "Matrix, The (1999)" -> ("The Matrix", 1999)."""

from __future__ import annotations

import re

YEAR = re.compile(r"\s*\((\d{4})(?:\s*[-–]\s*\d{0,4})?\s*\)\s*$")
AKA = re.compile(r"\s*\(((?:a\.k\.a\.\s*)?[^()]+)\)\s*$")
# Articles MovieLens moves to the end, in the languages of its catalog.
ARTICLES = {
    "the", "a", "an", "les", "la", "le", "l'", "il", "lo", "i", "gli", "das", "der",
    "die", "den", "det", "el", "los", "las", "une", "un", "o", "os", "as", "ein", "eine",
}


def front_article(title: str) -> str:
    """ "Matrix, The" -> "The Matrix"; "Auberge espagnole, L'" -> "L'Auberge espagnole"."""
    head, sep, article = title.rpartition(", ")
    if not sep or article.lower() not in ARTICLES:
        return title
    joiner = "" if article.endswith("'") else " "
    return f"{article}{joiner}{head}"


def parse_title(raw: str) -> tuple[str, str | None, int | None]:
    """Split a MovieLens title into (title, alternate title, year)."""
    text = raw.strip()
    year = None
    m = YEAR.search(text)
    if m:
        year = int(m.group(1))
        text = text[: m.start()]
    original = None
    m = AKA.search(text)
    if m and m.start() > 0:
        original = front_article(re.sub(r"^a\.k\.a\.\s*", "", m.group(1)).strip())
        text = text[: m.start()]
    return front_article(text.strip()), original, year
