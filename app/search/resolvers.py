"""searchMedia(input) and autocomplete(prefix)."""

from __future__ import annotations

import strawberry

from app.catalog.types import Media, MediaConnection, MediaEdge, PageInfo, SearchFacets, SearchHighlight
from app.kit.info import Info
from search.query import Sort

from . import service
from .types import Autocomplete, MediaSuggestion, PersonSuggestion, SearchInput

HIGHLIGHT_NAMES = {"title": "title", "original_title": "originalTitle", "cast": "cast",
                   "directors": "directors"}


def _filter_values(i: SearchInput) -> service.FilterValues | None:
    f = i.filters
    if f is None:
        return None
    return service.FilterValues(
        genres=f.genres, year_from=f.year_from, year_to=f.year_to, rating_min=f.rating_min,
        rating_max=f.rating_max, type=f.type.value if f.type else None, providers=f.providers,
        certifications=f.certifications)


@strawberry.type
class SearchQuery:
    @strawberry.field(description="Full-text search over titles, cast and directors, with typos, "
                                  "filters, facet counts and sorting")
    async def search_media(self, info: Info, input: SearchInput) -> MediaConnection:
        ctx = info.context
        found = await service.search(
            ctx.search, input.query, _filter_values(input), Sort(input.sort.value), input.first,
            input.after, ctx.max_level, ctx.settings.api.max_page_size, ctx.catalog.media.load_many)
        request, result = found.request, found.result
        edges = [
            MediaEdge(cursor=service.encode_cursor(request.offset + n + 1),
                      node=Media.from_row(row), score=hit.score,
                      highlights=[SearchHighlight(field=HIGHLIGHT_NAMES[k], value=v)
                                  for k, v in hit.highlights.items()])
            for n, hit, row in found.titles
        ]
        reach = min(result.total, service.MAX_WINDOW)
        return MediaConnection(
            edges=edges,
            page_info=PageInfo(has_next_page=request.offset + len(result.hits) < reach,
                               end_cursor=service.encode_cursor(request.offset + len(result.hits))
                               if result.hits else None),
            _total=result.total,
            facets=SearchFacets.of(result.facets) if result.facets else None,
        )

    @strawberry.field(description="Search as you type: titles and people starting with the prefix")
    async def autocomplete(self, info: Info, prefix: str, limit: int = 5) -> Autocomplete:
        ctx = info.context
        media, people = await service.autocomplete(ctx.search, prefix, limit, ctx.max_level,
                                                   ctx.catalog.media.load_many)
        return Autocomplete(media=[MediaSuggestion.of(s) for s in media],
                            people=[PersonSuggestion.of(s) for s in people])
