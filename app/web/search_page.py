"""The search page: the same search service as searchMedia, rendered as HTML."""

from __future__ import annotations

from html import escape
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from app.accounts.auth import identify
from app.catalog.loaders import CatalogLoaders
from app.errors import InvalidInput
from app.profiles.service import viewer_cap
from app.search import service
from app.state import app_state
from search.query import Sort

from .layout import head

router = APIRouter()
PAGE_SIZE = 20

HEAD = head("search", " mark { background: #ffe58a; } .facets a { display: inline-block; margin: 0 .4rem .3rem 0; }")
PAGE = "{head}" + """
<body>
<header><h1><a href="/">Reelgraph</a></h1></header>
<main>
<form role="search" method="get" action="/search">
 <label for="q">Search titles, cast and directors</label>
 <input id="q" name="q" type="search" value="{q}" minlength="2" maxlength="200" autofocus>
 {genre_field}<button type="submit">Search</button>
</form>
{error}{body}
</main></body></html>"""


def _href(**params: str | None) -> str:
    return "/search?" + escape(urlencode({k: v for k, v in params.items() if v}))


@router.get("/search", response_class=HTMLResponse)
async def search_page(
    request: Request,
    q: str = Query(default="", max_length=200),
    genre: str | None = Query(default=None, max_length=50),
    after: str | None = Query(default=None, max_length=100),
) -> HTMLResponse:
    state = app_state(request.app)
    cap = await viewer_cap(state.driver, await identify(state.auth, request))
    genre_field = f'<input type="hidden" name="genre" value="{escape(genre)}">' if genre else ""
    page = {"head": HEAD, "q": escape(q), "genre_field": genre_field, "error": "", "body": ""}
    if not q:
        return HTMLResponse(PAGE.format(**page))
    try:
        filters = service.FilterValues(genres=[genre] if genre else None)
        search = service.search_request(q, filters, Sort.RELEVANCE, PAGE_SIZE, after, cap, PAGE_SIZE)
    except InvalidInput as e:
        page["error"] = f'<p role="alert">{escape(e.message)}</p>'
        return HTMLResponse(PAGE.format(**page), status_code=422)

    found = await service.search_titles(state.search, search, CatalogLoaders(state.driver, cap).media.load_many)
    result = found.result
    items = "".join(
        f'<li><strong>{hit.highlights.get("title") or escape(str(row["title"]))}</strong>'
        + (f' <span class="muted">({row["year"]})</span>' if row.get("year") else "")
        + "".join(f' <span class="muted">· {v}</span>' for k, v in hit.highlights.items() if k != "title")
        + "</li>" for _, hit, row in found.titles)
    facets = " ".join(f'<a href="{_href(q=q, genre=g)}">{escape(g)}</a> <span class="muted">{n}</span>'
                      for g, n in sorted((result.facets.counts["genres"] if result.facets else {}).items(),
                                         key=lambda kv: (-kv[1], kv[0])))
    more = ""
    if search.offset + len(result.hits) < min(result.total, service.MAX_WINDOW):
        nxt = service.encode_cursor(search.offset + len(result.hits))
        more = f'<p><a href="{_href(q=q, genre=genre, after=nxt)}">More results</a></p>'
    heading = f'{result.total} result{"s" if result.total != 1 else ""} for “{escape(q)}”' + (
        f" in {escape(genre)}" if genre else "")
    page["body"] = (f'<section aria-labelledby="results-h"><h2 id="results-h">{heading}</h2>'
                    f'<p class="facets">{facets}</p><ul class="titles">{items or "<li>No titles.</li>"}</ul>'
                    f"{more}</section>")
    return HTMLResponse(PAGE.format(**page))
