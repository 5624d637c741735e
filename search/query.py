"""The search request and result model shared by every backend, and the matching rules
both follow: words are ASCII-folded and lowercased, every word must match, the last word
also matches as a prefix, and typos are allowed as in Meilisearch (one from 5 letters,
two from 9)."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from enum import Enum

from tantivy import Filter, TextAnalyzer, TextAnalyzerBuilder, Tokenizer

MAX_WORDS = 10
MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"  # private-use sentinels; turned into <mark> after escaping
HIGHLIGHT_FIELDS = ("title", "original_title", "cast", "directors")
_WORD = re.compile(r"[^\W_]+")


class Sort(Enum):
    RELEVANCE = "relevance"
    RATING = "rating"  # highest first
    POPULARITY = "popularity"  # most rated / watched first
    NEWEST = "newest"
    OLDEST = "oldest"


# One-word synonyms, both ways; both backends apply them (Meilisearch through its settings).
_PAIRS = [("movie", "film"), ("christmas", "xmas"), ("color", "colour"), ("honor", "honour"),
          ("tv", "television"), ("2", "ii"), ("3", "iii"), ("4", "iv"), ("5", "v")]
SYNONYMS: dict[str, list[str]] = {}
for _a, _b in _PAIRS:
    SYNONYMS.setdefault(_a, []).append(_b)
    SYNONYMS.setdefault(_b, []).append(_a)

FACETS = ("genres", "type", "providers", "certification", "decade")


@dataclass(frozen=True)
class Filters:
    genres: tuple[str, ...] = ()  # any of
    year_from: int | None = None
    year_to: int | None = None
    rating_min: float | None = None
    rating_max: float | None = None
    type: str | None = None
    providers: tuple[str, ...] = ()  # any of
    certifications: tuple[str, ...] = ()  # any of
    max_cert_level: int | None = None  # a kid profile's cap: titles without a level are left out


@dataclass(frozen=True)
class SearchRequest:
    text: str
    filters: Filters = Filters()
    sort: Sort = Sort.RELEVANCE
    offset: int = 0
    limit: int = 20
    facets: bool = True


@dataclass(frozen=True)
class Hit:
    id: str
    score: float | None
    title: str
    year: int | None
    type: str
    # field -> highlighted value (HTML-escaped, matches in <mark>), only fields that matched
    highlights: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Range:
    min: float | None
    max: float | None


@dataclass(frozen=True)
class Facets:
    counts: dict[str, dict[str, int]]  # facet name -> value -> titles
    year: Range
    rating: Range


@dataclass(frozen=True)
class SearchResult:
    hits: list[Hit]
    total: int
    facets: Facets | None


@dataclass(frozen=True)
class Suggestion:
    id: str
    kind: str  # "media" | "person"
    label: str  # title or name
    highlighted: str
    year: int | None = None
    type: str | None = None


# -- matching rules, shared by the tantivy backend and the highlighter


def analyzer() -> TextAnalyzer:
    """The one text analysis: the tantivy index tokenizes with it, and query words come from
    it, so 'Amélie', 'straße' and 'Łódź' match 'amelie', 'strasse' and 'lodz' both ways."""
    return (TextAnalyzerBuilder(Tokenizer.simple())
            .filter(Filter.remove_long(60)).filter(Filter.lowercase()).filter(Filter.ascii_fold())
            .build())


_ANALYZER = analyzer()


def fold(text: str) -> str:
    return "".join(_ANALYZER.analyze(text))


def words(text: str) -> list[str]:
    return _ANALYZER.analyze(text)[:MAX_WORDS]


def nothing_to_match(text: str) -> bool:
    """Text that is not empty (empty browses everything) yet holds no word, like '!!'."""
    return bool(text.strip()) and not words(text)


def typos_allowed(word: str) -> int:
    n = len(word)
    return 0 if n < 5 else 1 if n < 9 else 2


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (a transposition costs one), stopping early past limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def _match_length(token: str, word: str, last: bool) -> int:
    """How many leading characters of `token` the query word matches (0: none)."""
    allowed = typos_allowed(word)
    if token == word or (allowed and edit_distance(token, word, allowed) <= allowed):
        return len(token)
    if last and len(token) > len(word):
        head = token[:len(word)]
        if head == word or (allowed and edit_distance(head, word, allowed) <= allowed):
            return len(word)
    return 0


def highlight(value: str, query_words: list[str]) -> str | None:
    """`value` HTML-escaped with the matched words in <mark>, or None when nothing matched.
    Typo and whole-word matches mark the word; a prefix match marks the typed part."""
    if not query_words:
        return None
    out: list[str] = []
    pos, matched = 0, False
    for m in _WORD.finditer(value):
        token = fold(m.group())
        if len(token) != len(m.group()):  # folding changed the length: compare whole words only
            n = len(m.group()) if any(token == w for w in query_words) else 0
        else:
            n = max(_match_length(token, w, i == len(query_words) - 1)
                    for i, w in enumerate(query_words))
        if n:
            matched = True
            out.append(html.escape(value[pos:m.start()]))
            out.append("<mark>" + html.escape(value[m.start():m.start() + n]) + "</mark>")
            pos = m.start() + n
    if not matched:
        return None
    out.append(html.escape(value[pos:]))
    return "".join(out)


def from_sentinels(value: str) -> str | None:
    """A value a backend marked with MARK_OPEN/MARK_CLOSE, escaped and with <mark> tags."""
    if MARK_OPEN not in value:
        return None
    escaped = html.escape(value)
    return escaped.replace(MARK_OPEN, "<mark>").replace(MARK_CLOSE, "</mark>")
