"""MovieLens ml-latest-small: get (CSV files) -> transform -> load (Neo4j)."""

from __future__ import annotations

import os
from pathlib import Path

from neo4j import AsyncDriver

from .. import graph_load
from ..records import Records
from ..report import ImportReport, OnError
from ..rows import Collector
from . import transform

# the vendored data set beside the packages; an installed copy (the image) says where it is
DATA_DIR = Path(os.environ.get("REELGRAPH_DATA_DIR") or Path(__file__).resolve().parents[2] / "data")
DEFAULT_DIR = DATA_DIR / "ml-latest-small"


def collect(folder: Path, col: Collector) -> Records:
    records = Records()
    links: dict[int, tuple[str | None, str | None]] = {}
    for _, (movie_id, imdb, tmdb) in col.parse(
        folder / "links.csv", ["movieId", "imdbId", "tmdbId"], transform.link
    ):
        links[movie_id] = (imdb, tmdb)

    movies_csv = folder / "movies.csv"
    for line, media in col.parse(
        movies_csv, ["movieId", "title", "genres"], lambda r: transform.movie(r, links)
    ):
        records.add_media(media, movies_csv.name, line, col)

    known = {m.movielens_id for m in records.media if m.movielens_id is not None}
    for _, r in col.parse(
        folder / "ratings.csv", ["userId", "movieId", "rating", "timestamp"],
        lambda row: transform.rating(row, known),
    ):
        transform.add_user(records, r.user)
        records.ratings.append(r)
    tags_csv = folder / "tags.csv"
    if tags_csv.exists():
        for _, t in col.parse(
            tags_csv, ["userId", "movieId", "tag", "timestamp"],
            lambda row: transform.tag(row, known),
        ):
            transform.add_user(records, t.user)
            records.tags.append(t)
    return records


async def run(
    driver: AsyncDriver,
    folder: Path = DEFAULT_DIR,
    on_error: OnError = "skip",
    progress: bool = True,
) -> ImportReport:
    col = Collector(on_error)
    records = collect(folder, col)
    return await graph_load.load(driver, records, col, progress, privacy="public")
