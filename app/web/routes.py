"""Web pages. They call the same catalog service as the GraphQL API."""

from __future__ import annotations

from html import escape
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from app.accounts.auth import identify
from app.catalog import service
from app.catalog.rows import MediaFilter
from app.errors import InvalidInput
from app.profiles.service import viewer_cap
from app.state import app_state

from .layout import head

router = APIRouter()
HEAD = head("catalog", " nav a { margin-right: .75rem; } .genres a { display: inline-block; margin: 0 .4rem .3rem 0; }")

PAGE = "{head}" + """
<body>
<header><h1>Reelgraph</h1>
<nav aria-label="Main">{account}<a href="/graphql">GraphQL API</a><a href="/healthz">Health</a></nav>
<form role="search" method="get" action="/search"><label for="q">Search</label>
<input id="q" name="q" type="search" minlength="2" maxlength="200"> <button type="submit">Search</button></form></header>
<main>
<section aria-labelledby="genres-h"><h2 id="genres-h">Genres</h2><p class="genres">{genres}</p></section>
<section aria-labelledby="titles-h"><h2 id="titles-h">{heading}</h2>
{error}<ul class="titles">{items}</ul>{more}</section>
</main></body></html>"""


def _year(year: int | None) -> str:
    return f' <span class="muted">({year})</span>' if year else ""


@router.get("/", response_class=HTMLResponse)
async def catalog_page(
    request: Request,
    genre: str | None = Query(default=None, max_length=50),
    after: str | None = Query(default=None, max_length=500),
) -> HTMLResponse:
    state = app_state(request.app)
    driver = state.driver
    caller = await identify(state.auth, request)
    cap = await viewer_cap(driver, caller)
    account = ('<form method="post" action="/auth/logout" style="display:inline">'
               f'<input type="hidden" name="csrf" value="{escape(request.cookies.get("rg_csrf", ""))}">'
               '<button type="submit">Sign out</button></form> ') if caller.principal else \
        '<a href="/auth/login">Sign in</a><a href="/auth/register">Create an account</a>'

    genres = await service.genres(driver, cap)
    filt = MediaFilter(genres=[genre] if genre else None, max_level=cap)
    error = ""
    try:
        page = await service.media_page(driver, filt, 50, after, 100)
    except InvalidInput as e:
        page, error = service.MediaPage(items=[], has_next=False), f'<p role="alert">{escape(e.message)}</p>'
    items = "".join(
        f"<li><strong>{escape(m['title'])}</strong>{_year(m.get('year'))}</li>" for m in page.items
    )
    more = ""
    if page.has_next:
        query = urlencode({k: v for k, v in {"genre": genre,
                           "after": service.encode_cursor(page.items[-1])}.items() if v})
        more = f'<p><a href="/?{escape(query)}">Next titles</a></p>'
    links = " ".join(
        f'<a href="/?{escape(urlencode({"genre": g["name"]}))}">{escape(g["name"])}</a>'
        f' <span class="muted">{g["media_count"]}</span>'
        for g in genres
    )
    heading = f"Titles in {escape(genre)}" if genre else "All titles"
    return HTMLResponse(PAGE.format(head=HEAD, account=account, genres=links, heading=heading, error=error,
                                    items=items or "<li>No titles.</li>", more=more))
