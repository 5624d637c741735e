"""The embedded default: a tantivy index in the state folder.

Only one process may hold an index's writer (tantivy's lock), so writes open a writer,
commit and let go of it; the worker does nearly all of them. Every process reads, and its
reader picks up new commits by itself (tantivy's on-commit reload policy).
"""

from __future__ import annotations

import asyncio
import html
import math
import shutil
import time
from collections.abc import AsyncIterator, Iterable
from pathlib import Path
from typing import Any

import tantivy
from tantivy import Document, FieldType, Index, Occur, Order, Query

from .documents import MediaDoc, PersonDoc
from .query import (
    FACETS,
    HIGHLIGHT_FIELDS,
    SYNONYMS,
    Facets,
    Filters,
    Hit,
    Range,
    SearchRequest,
    SearchResult,
    Sort,
    Suggestion,
    analyzer,
    highlight,
    typos_allowed,
    words,
)

SCHEMA_VERSION = 2  # bump when the schema changes: a new folder, filled by a reindex
TOKENIZER = "reelgraph"
WRITER_HEAP = 64_000_000
LOCK_WAIT_SECONDS = 60.0
TEXT_FIELDS = ("title", "original_title", "cast", "directors", "overview")
# exact words in the title count most; a typo or prefix match counts a fixed amount
TITLE_BOOST, TEXT_BOOST, FUZZY_BOOST = 3.0, 1.0, 0.5
SORT_FIELDS = {Sort.RATING: ("rating", Order.Desc), Sort.POPULARITY: ("popularity", Order.Desc),
               Sort.NEWEST: ("year", Order.Desc), Sort.OLDEST: ("year", Order.Asc)}


def _schema() -> tantivy.Schema:
    b = tantivy.SchemaBuilder()
    b.add_text_field("id", stored=True, tokenizer_name="raw")
    b.add_text_field("kind", tokenizer_name="raw")
    b.add_text_field("digest", stored=True, tokenizer_name="raw")
    for name in TEXT_FIELDS:
        b.add_text_field(name, stored=name != "overview", tokenizer_name=TOKENIZER)
    b.add_text_field("text", tokenizer_name=TOKENIZER)  # every searchable word, for typos and prefixes
    for name in ("type", "genres", "providers", "certification"):
        b.add_text_field(name, stored=name == "type", fast=True, tokenizer_name="raw")
    b.add_integer_field("year", stored=True, indexed=True, fast=True)
    b.add_integer_field("decade", fast=True)
    b.add_integer_field("cert_level", indexed=True, fast=True)
    b.add_integer_field("popularity", fast=True)
    b.add_float_field("rating", indexed=True, fast=True)
    b.add_float_field("boost", fast=True)  # popularity as a relevance weight, see _boost
    return b.build()


def _boost(popularity: int) -> float:
    """tantivy's weight_by_field multiplies a score by log2(2 + w): w in [0, 0.3] gives at most
    1.2, enough to order equal matches by popularity, never to lift a typo over an exact word."""
    return min(0.3, 0.05 * math.log1p(max(popularity, 0)))


class TantivyBackend:
    name = "tantivy"

    def __init__(self, folder: Path) -> None:
        self.path = folder / f"tantivy-v{SCHEMA_VERSION}"
        self.path.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("tantivy-v*"):  # an index of an older schema is never read again
            if old != self.path and old.name.removeprefix("tantivy-v").isdigit() \
                    and int(old.name.removeprefix("tantivy-v")) < SCHEMA_VERSION:
                shutil.rmtree(old, ignore_errors=True)
        self.schema = _schema()
        self.index = Index(self.schema, path=str(self.path), reuse=True)
        # custom tokenizers are not stored with the index: every process registers them
        self.index.register_tokenizer(TOKENIZER, analyzer())
        self.index.config_reader("commit")
        self._write_lock = asyncio.Lock()

    # -- reads

    async def search(self, request: SearchRequest) -> SearchResult:
        qwords = words(request.text)
        if not qwords and request.text.strip():  # "!!": words were asked for, none given
            return SearchResult(hits=[], total=0, facets=_no_facets() if request.facets else None)
        query = self._and(self._text_query(qwords, ("title",)), self._kind("media"),
                          *self._filters(request.filters))
        searcher = self.index.searcher()
        order_field, order = SORT_FIELDS.get(request.sort, (None, Order.Desc))
        found = searcher.search(query, request.limit, count=True, order_by_field=order_field,
                                offset=request.offset, order=order,
                                weight_by_field=None if order_field else "boost")
        hits = []
        for score, address in found.hits:
            doc = searcher.doc(address)
            hits.append(Hit(id=_text(doc, "id"), score=None if order_field else float(score),
                            title=_text(doc, "title"), year=doc.get_first("year"),
                            type=_text(doc, "type"), highlights=_highlights(doc, qwords)))
        facets = self._facets(searcher, query) if request.facets else None
        # the stub lacks `count`, which search(count=True) fills in
        return SearchResult(hits=hits, total=int(getattr(found, "count", 0) or 0), facets=facets)

    async def autocomplete(self, prefix: str, limit: int, max_cert_level: int | None) -> list[Suggestion]:
        qwords = words(prefix)
        if not qwords:
            return []
        searcher = self.index.searcher()
        text = self._text_query(qwords, ("title",), fields=("title", "original_title"))
        cap = self._filters(Filters(max_cert_level=max_cert_level))
        out: list[Suggestion] = []
        for kind in ("media", "person"):
            query = self._and(text, self._kind(kind), *(cap if kind == "media" else []))
            for _, address in searcher.search(query, limit, weight_by_field="boost").hits:
                doc = searcher.doc(address)
                label = _text(doc, "title")
                out.append(Suggestion(id=_text(doc, "id"), kind=kind, label=label,
                                      highlighted=highlight(label, qwords) or html.escape(label),
                                      year=doc.get_first("year"), type=doc.get_first("type") or None))
        return out

    def _text_query(self, qwords: list[str], exact_fields: tuple[str, ...],
                    fields: tuple[str, ...] | None = None) -> Query | None:
        """Every word must match: exactly (BM25-scored, the title counting most) or, within the
        typo budget, fuzzily; the last word also as a prefix (search as you type)."""
        if not qwords:
            return None
        match_fields = fields or ("text",)
        clauses = []
        for i, word in enumerate(qwords):
            last = i == len(qwords) - 1
            options: list[Query] = [Query.boost_query(Query.term_query(self.schema, f, word), TITLE_BOOST)
                                    for f in exact_fields]
            options += [Query.boost_query(Query.term_query(self.schema, f, w), TEXT_BOOST)
                        for f in match_fields for w in (word, *SYNONYMS.get(word, ()))]
            typos = typos_allowed(word)
            if typos or last:
                options += [Query.boost_query(Query.const_score_query(Query.fuzzy_term_query(
                    self.schema, f, word, typos, True, last), 1.0), FUZZY_BOOST) for f in match_fields]
            clauses.append((Occur.Must, Query.boolean_query([(Occur.Should, q) for q in options])))
        return Query.boolean_query(clauses)

    def _kind(self, kind: str) -> Query:
        return Query.term_query(self.schema, "kind", kind)

    def _and(self, *queries: Query | None) -> Query:
        parts = [(Occur.Must, q) for q in queries if q is not None]
        return Query.boolean_query(parts) if parts else Query.all_query()

    def _filters(self, f: Filters) -> list[Query]:
        s, out = self.schema, []
        for name, values in (("genres", f.genres), ("providers", f.providers),
                             ("certification", f.certifications)):
            if values:
                out.append(Query.term_set_query(s, name, list(values)))
        if f.type:
            out.append(Query.term_query(s, "type", f.type))
        if f.year_from is not None or f.year_to is not None:
            out.append(Query.range_query(s, "year", FieldType.Integer, f.year_from, f.year_to))
        if f.rating_min is not None or f.rating_max is not None:
            out.append(Query.range_query(s, "rating", FieldType.Float, f.rating_min, f.rating_max))
        if f.max_cert_level is not None:
            out.append(Query.range_query(s, "cert_level", FieldType.Integer, 0, f.max_cert_level))
        # scoring is the text's business: filters only narrow
        return [Query.const_score_query(q, 0.0) for q in out]

    def _facets(self, searcher: tantivy.Searcher, query: Query) -> Facets:
        aggs: dict[str, Any] = {name: {"terms": {"field": name, "size": 100}} for name in FACETS}
        aggs["year"] = {"stats": {"field": "year"}}
        aggs["rating"] = {"stats": {"field": "rating"}}
        result = searcher.aggregate(query, aggs)
        counts = {name: {_key(b["key"]): int(b["doc_count"]) for b in result[name]["buckets"]}
                  for name in FACETS}
        return Facets(counts=counts, year=_range(result["year"]), rating=_range(result["rating"]))

    async def digests(self) -> dict[str, str]:
        searcher = self.index.searcher()
        total = searcher.num_docs
        if not total:
            return {}
        found = searcher.search(Query.all_query(), total, count=False)
        docs = (searcher.doc(a) for _, a in found.hits)
        return {_text(d, "id"): _text(d, "digest") for d in docs}

    # -- writes: in a thread, one at a time per process, the writer released after each commit

    async def upsert(self, media: list[MediaDoc], people: list[PersonDoc]) -> None:
        docs = [*map(self._media_doc, media), *map(self._person_doc, people)]
        ids = [m.id for m in media] + [p.id for p in people]
        def work(writer: tantivy.IndexWriter) -> None:
            self._delete_ids(writer, ids)
            for d in docs:
                writer.add_document(d)
        await self._write(work)

    async def delete(self, ids: list[str]) -> None:
        await self._write(lambda w: self._delete_ids(w, ids))

    async def rebuild(self, batches: AsyncIterator[tuple[list[MediaDoc], list[PersonDoc]]]) -> int:
        async with self._write_lock:
            writer = await asyncio.to_thread(self._open_writer, 2)
            try:
                await asyncio.to_thread(writer.delete_all_documents)
                total = 0
                async for media, people in batches:
                    docs = [*map(self._media_doc, media), *map(self._person_doc, people)]
                    await asyncio.to_thread(_add_all, writer, docs)
                    total += len(docs)
                await asyncio.to_thread(self._finish, writer)  # readers switch over here
            except BaseException:
                await asyncio.to_thread(_abandon, writer)
                raise
        return total

    async def _write(self, work: Any) -> None:
        def run() -> None:
            writer = self._open_writer(1)
            try:
                work(writer)
            except BaseException:
                _abandon(writer)
                raise
            self._finish(writer)
        async with self._write_lock:
            await asyncio.to_thread(run)

    def _open_writer(self, threads: int) -> tantivy.IndexWriter:
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while True:
            try:
                return self.index.writer(heap_size=WRITER_HEAP * threads, num_threads=threads)
            except ValueError as e:  # LockBusy: another process is writing; it lets go after its commit
                if "LockBusy" not in str(e) or time.monotonic() > deadline:
                    raise
                time.sleep(0.1)

    def _finish(self, writer: tantivy.IndexWriter) -> None:
        try:
            writer.commit()
        except BaseException:
            _abandon(writer)
            raise
        writer.wait_merging_threads()  # merges small segments now, and lets go of the lock
        self.index.reload()

    def _delete_ids(self, writer: tantivy.IndexWriter, ids: Iterable[str]) -> None:
        for uid in ids:
            writer.delete_documents_by_term("id", uid)

    @staticmethod
    def _media_doc(m: MediaDoc) -> Document:
        d = Document()
        d.add_text("id", m.id)
        d.add_text("kind", "media")
        d.add_text("digest", m.digest)
        d.add_text("type", m.type)
        text = [m.title, m.original_title, *m.cast, *m.directors, m.overview]
        for name, values in (("title", [m.title]), ("original_title", [m.original_title]),
                             ("cast", m.cast), ("directors", m.directors), ("overview", [m.overview]),
                             ("text", text), ("genres", m.genres), ("providers", m.providers),
                             ("certification", [m.certification])):
            for v in values:
                if v:
                    d.add_text(name, v)
        for name, value in (("year", m.year), ("decade", m.decade), ("cert_level", m.cert_level)):
            if value is not None:
                d.add_integer(name, value)
        d.add_integer("popularity", m.popularity)
        d.add_float("boost", _boost(m.popularity))
        if m.rating is not None:
            d.add_float("rating", m.rating)
        return d

    @staticmethod
    def _person_doc(p: PersonDoc) -> Document:
        d = Document()
        for name, value in (("id", p.id), ("kind", "person"), ("digest", p.digest),
                            ("title", p.name), ("text", p.name)):
            d.add_text(name, value)
        d.add_integer("popularity", p.known_for)
        d.add_float("boost", _boost(p.known_for))
        return d

    async def ping(self) -> int:
        return int(self.index.searcher().num_docs)

    async def close(self) -> None:
        pass


def _abandon(writer: tantivy.IndexWriter) -> None:
    """Drops what the writer holds and lets go of the lock (rollback alone keeps it, and a
    live traceback would keep the writer alive)."""
    try:
        writer.rollback()
    finally:
        writer.wait_merging_threads()


def _no_facets() -> Facets:
    return Facets(counts={name: {} for name in FACETS}, year=Range(None, None), rating=Range(None, None))


def _text(doc: Document, name: str) -> str:
    value = doc.get_first(name)
    return str(value) if value is not None else ""


def _highlights(doc: Document, qwords: list[str]) -> dict[str, str]:
    out = {}
    for name in HIGHLIGHT_FIELDS:
        for value in doc.get_all(name):
            marked = highlight(value, qwords)
            if marked:
                out[name] = marked
                break
    return out


def _key(key: Any) -> str:
    return str(int(key)) if isinstance(key, float) else str(key)


def _range(stats: dict[str, Any]) -> Range:
    return Range(min=stats.get("min"), max=stats.get("max")) if stats.get("count") else Range(None, None)


def _add_all(writer: Any, docs: list[Any]) -> None:
    for d in docs:
        writer.add_document(d)
