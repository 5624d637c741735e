"""Meilisearch through its documented HTTP API (httpx), used when MEILI_URL is set.

Titles and people are two indexes (`<prefix>media`, `<prefix>people`); their settings are
applied by `ensure_indexes`, never by hand. Meilisearch applies writes as asynchronous
tasks: every write here waits for its task, so it is visible when the call returns.
"""

from __future__ import annotations

import asyncio
import html
import json
import re
from collections.abc import AsyncIterator
from dataclasses import asdict
from typing import Any

import httpx

from .documents import MediaDoc, PersonDoc
from .query import (
    FACETS,
    HIGHLIGHT_FIELDS,
    MARK_CLOSE,
    MARK_OPEN,
    SYNONYMS,
    Facets,
    Filters,
    Hit,
    Range,
    SearchRequest,
    SearchResult,
    Sort,
    Suggestion,
    from_sentinels,
    nothing_to_match,
)

TASK_TIMEOUT = 300.0
MAX_TOTAL_HITS = 1000  # deepest offset the API pages to (service.MAX_WINDOW)
SORTS = {Sort.RATING: ["rating:desc"], Sort.POPULARITY: ["popularity:desc"],
         Sort.NEWEST: ["year:desc"], Sort.OLDEST: ["year:asc"]}
SEPARATORS = ["<", ">", "&", "+", "=", "#", "@", "*", "|", "~", "^"]
TYPO_TOLERANCE = {"enabled": True, "minWordSizeForTypos": {"oneTypo": 5, "twoTypos": 9}}
MEDIA_SETTINGS: dict[str, Any] = {
    "searchableAttributes": ["title", "original_title", "cast", "directors", "overview"],
    "filterableAttributes": ["genres", "type", "providers", "certification", "cert_level", "year",
                             "decade", "rating"],
    "sortableAttributes": ["rating", "popularity", "year"],
    # sort first: a chosen order is strict, relevance only breaks its ties (as in tantivy)
    "rankingRules": ["sort", "words", "typo", "proximity", "attribute", "exactness", "popularity:desc"],
    "typoTolerance": TYPO_TOLERANCE,
    "synonyms": SYNONYMS,
    # split words on these too, as tantivy does on anything not a letter or digit
    "separatorTokens": SEPARATORS,
    "faceting": {"maxValuesPerFacet": 100},
    "pagination": {"maxTotalHits": MAX_TOTAL_HITS},
}
PEOPLE_SETTINGS: dict[str, Any] = {
    "searchableAttributes": ["name"],
    "rankingRules": ["words", "typo", "proximity", "attribute", "exactness", "known_for:desc"],
    "typoTolerance": TYPO_TOLERANCE,
    "separatorTokens": SEPARATORS,
}
HIGHLIGHT = {"highlightPreTag": MARK_OPEN, "highlightPostTag": MARK_CLOSE}


class MeiliError(RuntimeError):
    pass


class MeiliBackend:
    name = "meilisearch"

    def __init__(self, url: str, api_key: str | None = None, prefix: str = "reelgraph_",
                 timeout: float = 10.0) -> None:
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self.http = httpx.AsyncClient(base_url=url.rstrip("/"), headers=headers, timeout=timeout)
        self.media, self.people = f"{prefix}media", f"{prefix}people"
        self._ready = False

    async def close(self) -> None:
        await self.http.aclose()

    async def ping(self) -> int:
        stats = await self._call("GET", "/stats")
        return sum(int(i.get("numberOfDocuments", 0)) for uid, i in stats["indexes"].items()
                   if uid in (self.media, self.people))

    # -- plumbing

    async def _call(self, method: str, path: str, **kw: Any) -> Any:
        r = await self.http.request(method, path, **kw)
        if r.status_code >= 400:
            raise MeiliError(f"Meilisearch {method} {path}: {r.status_code} {r.text[:300]}")
        return r.json() if r.content else None

    async def _wait(self, task: dict[str, Any], tolerate: tuple[str, ...] = ()) -> None:
        """Until the task is done; a failure raises unless its error code is tolerated."""
        uid, delay = task["taskUid"], 0.005
        deadline = asyncio.get_running_loop().time() + TASK_TIMEOUT
        while True:
            t = await self._call("GET", f"/tasks/{uid}")
            if t["status"] == "succeeded":
                return
            if t["status"] in ("failed", "canceled"):
                if (t.get("error") or {}).get("code") in tolerate:
                    return
                raise MeiliError(f"Meilisearch task {uid} {t['status']}: {t.get('error')}")
            if asyncio.get_running_loop().time() > deadline:
                raise MeiliError(f"Meilisearch task {uid} still {t['status']} after {TASK_TIMEOUT}s")
            await asyncio.sleep(delay)
            delay = min(delay * 2, 0.25)

    async def _create(self, uid: str) -> None:
        task = await self._call("POST", "/indexes", json={"uid": uid, "primaryKey": "id"})
        await self._wait(task, tolerate=("index_already_exists",))

    async def _drop(self, uid: str) -> None:
        await self._wait(await self._call("DELETE", f"/indexes/{uid}"), tolerate=("index_not_found",))

    async def _configure(self, media: str, people: str) -> None:
        for uid, body in ((media, MEDIA_SETTINGS), (people, PEOPLE_SETTINGS)):
            await self._create(uid)
            await self._wait(await self._call("PATCH", f"/indexes/{uid}/settings", json=body))

    async def ensure_indexes(self) -> None:
        """Creates both indexes and applies their settings (idempotent)."""
        if not self._ready:
            await self._configure(self.media, self.people)
            self._ready = True

    # -- reads

    async def search(self, request: SearchRequest) -> SearchResult:
        if nothing_to_match(request.text):
            return SearchResult(hits=[], total=0, facets=_facets({}) if request.facets else None)
        await self.ensure_indexes()
        body: dict[str, Any] = {
            "q": _plain(request.text), "filter": _filter(request.filters), "matchingStrategy": "all",
            "attributesToRetrieve": ["id", "title", "year", "type"],
            "attributesToHighlight": list(HIGHLIGHT_FIELDS), **HIGHLIGHT,
            "showRankingScore": True,
        }
        if request.offset % request.limit == 0:  # page mode counts the hits exactly
            body.update(page=request.offset // request.limit + 1, hitsPerPage=request.limit)
        else:
            body.update(offset=request.offset, limit=request.limit)
        if request.sort in SORTS:
            body["sort"] = SORTS[request.sort]
        if request.facets:
            body["facets"] = [*FACETS, "year", "rating"]
        r = await self._call("POST", f"/indexes/{self.media}/search", json=body)
        hits = [Hit(id=h["id"], score=h.get("_rankingScore") if request.sort == Sort.RELEVANCE else None,
                    title=h["title"], year=h.get("year"), type=h["type"],
                    highlights=_highlights(h.get("_formatted") or {})) for h in r["hits"]]
        total = r.get("totalHits", r.get("estimatedTotalHits", 0))
        facets = _facets(r) if request.facets else None
        return SearchResult(hits=hits, total=int(total), facets=facets)

    async def autocomplete(self, prefix: str, limit: int, max_cert_level: int | None) -> list[Suggestion]:
        if nothing_to_match(prefix):
            return []
        await self.ensure_indexes()
        common = {"q": _plain(prefix), "limit": limit, "matchingStrategy": "all", **HIGHLIGHT}
        body = {"queries": [
            {"indexUid": self.media, **common, "attributesToSearchOn": ["title", "original_title"],
             "filter": _filter(Filters(max_cert_level=max_cert_level)),
             "attributesToRetrieve": ["id", "title", "year", "type"], "attributesToHighlight": ["title"]},
            {"indexUid": self.people, **common, "attributesToRetrieve": ["id", "name"],
             "attributesToHighlight": ["name"]},
        ]}
        media, people = (await self._call("POST", "/multi-search", json=body))["results"]
        out = [Suggestion(id=h["id"], kind="media", label=h["title"], year=h.get("year"), type=h["type"],
                          highlighted=_marked(h, "title")) for h in media["hits"]]
        out += [Suggestion(id=h["id"], kind="person", label=h["name"], highlighted=_marked(h, "name"))
                for h in people["hits"]]
        return out

    async def digests(self) -> dict[str, str]:
        await self.ensure_indexes()
        out: dict[str, str] = {}
        for uid in (self.media, self.people):
            offset = 0
            while True:
                page = await self._call("GET", f"/indexes/{uid}/documents",
                                        params={"fields": "id,digest", "limit": 1000, "offset": offset})
                out.update({d["id"]: d.get("digest", "") for d in page["results"]})
                offset += len(page["results"])
                if not page["results"] or offset >= page["total"]:
                    break
        return out

    # -- writes

    async def upsert(self, media: list[MediaDoc], people: list[PersonDoc]) -> None:
        await self.ensure_indexes()
        tasks = []
        if media:
            tasks.append(await self._add(self.media, [_media_json(m) for m in media]))
        if people:
            tasks.append(await self._add(self.people, [_person_json(p) for p in people]))
        for t in tasks:
            await self._wait(t)

    async def _add(self, uid: str, docs: list[dict[str, Any]]) -> dict[str, Any]:
        task: dict[str, Any] = await self._call("POST", f"/indexes/{uid}/documents",
                                                params={"primaryKey": "id"},
                                                content=json.dumps(docs),
                                                headers={"Content-Type": "application/json"})
        return task

    async def delete(self, ids: list[str]) -> None:
        await self.ensure_indexes()
        if not ids:
            return
        tasks = [await self._call("POST", f"/indexes/{uid}/documents/delete-batch", json=ids)
                 for uid in (self.media, self.people)]
        for t in tasks:
            await self._wait(t)

    async def rebuild(self, batches: AsyncIterator[tuple[list[MediaDoc], list[PersonDoc]]]) -> int:
        """Fills fresh indexes beside the live ones, then swaps them in one atomic task."""
        await self.ensure_indexes()
        media_next, people_next = f"{self.media}__next", f"{self.people}__next"
        for uid in (media_next, people_next):
            await self._drop(uid)
        await self._configure(media_next, people_next)
        tasks, total = [], 0
        async for media, people in batches:
            if media:
                tasks.append(await self._add(media_next, [_media_json(m) for m in media]))
            if people:
                tasks.append(await self._add(people_next, [_person_json(p) for p in people]))
            total += len(media) + len(people)
        for t in tasks:
            await self._wait(t)
        swap = [{"indexes": [self.media, media_next]}, {"indexes": [self.people, people_next]}]
        await self._wait(await self._call("POST", "/swap-indexes", json=swap))
        for uid in (media_next, people_next):  # now the old documents
            await self._drop(uid)
        return total

    async def drop(self) -> None:
        """Deletes both indexes (tests clean up with this)."""
        for uid in (self.media, self.people):
            await self._drop(uid)
        self._ready = False


def _plain(text: str) -> str:
    """The words only: Meilisearch reads "..." as a phrase and a leading - as NOT, which the
    contract (and tantivy) does not."""
    return re.sub(r'["\-]', " ", text)


def _quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _filter(f: Filters) -> list[Any]:
    """Filters as Meilisearch's array form: inner lists are OR, the outer list is AND."""
    out: list[Any] = []
    for name, values in (("genres", f.genres), ("providers", f.providers),
                         ("certification", f.certifications)):
        if values:
            out.append([f"{name} = {_quote(v)}" for v in values])
    if f.type:
        out.append(f"type = {_quote(f.type)}")
    for name, op, value in (("year", ">=", f.year_from), ("year", "<=", f.year_to),
                            ("rating", ">=", f.rating_min), ("rating", "<=", f.rating_max)):
        if value is not None:
            out.append(f"{name} {op} {value!r}")
    if f.max_cert_level is not None:  # titles without a level have no cert_level and drop out
        out.append(f"cert_level 0 TO {int(f.max_cert_level)}")
    return out


def _facets(r: dict[str, Any]) -> Facets:
    dist = r.get("facetDistribution") or {}
    stats = r.get("facetStats") or {}
    counts = {name: {str(k): int(v) for k, v in (dist.get(name) or {}).items()} for name in FACETS}

    def rng(name: str) -> Range:
        s = stats.get(name)
        return Range(min=s["min"], max=s["max"]) if s else Range(None, None)
    return Facets(counts=counts, year=rng("year"), rating=rng("rating"))


def _highlights(formatted: dict[str, Any]) -> dict[str, str]:
    out = {}
    for name in HIGHLIGHT_FIELDS:
        value = formatted.get(name)
        for v in value if isinstance(value, list) else [value]:
            marked = from_sentinels(v) if isinstance(v, str) else None
            if marked:
                out[name] = marked
                break
    return out


def _marked(hit: dict[str, Any], name: str) -> str:
    value = (hit.get("_formatted") or {}).get(name) or hit[name]
    return from_sentinels(value) or html.escape(hit[name])


def _media_json(m: MediaDoc) -> dict[str, Any]:
    return {**asdict(m), "decade": m.decade, "digest": m.digest}


def _person_json(p: PersonDoc) -> dict[str, Any]:
    return {**asdict(p), "digest": p.digest}
