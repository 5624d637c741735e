"""The catalog page serves the same data as the API, escaped, with cursor paging."""

import re

import httpx


async def test_catalog_page_lists_genre_titles_and_pages(api: httpx.AsyncClient) -> None:
    response = await api.get("/", params={"genre": "Animation"})
    assert response.status_code == 200
    assert "<h2 id=\"titles-h\">Titles in Animation</h2>" in response.text
    first = re.findall(r"<li><strong>(.*?)</strong>", response.text)
    assert len(first) == 50
    nxt = re.search(r'href="/\?([^"]+)">Next titles', response.text)
    assert nxt is not None
    second = await api.get("/?" + nxt.group(1).replace("&amp;", "&"))
    titles = re.findall(r"<li><strong>(.*?)</strong>", second.text)
    assert titles and not set(titles) & set(first)


async def test_bad_cursor_is_explained_not_crashed(api: httpx.AsyncClient) -> None:
    response = await api.get("/", params={"after": "<script>"})
    assert response.status_code == 200
    assert "Invalid cursor: after must be a cursor this API returned" in response.text
    assert "<script>" not in response.text
