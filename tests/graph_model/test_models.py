"""neomodel classes against the real Neo4j: round trips and the constraints migrate creates."""

import uuid

import pytest
from neo4j import AsyncDriver
from neomodel.exceptions import UniqueProperty

from graph_model import Genre, Media, MediaList, Person, Profile, TVShow, User
from graph_model.db import migrate


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


async def test_user_profile_list_rating_round_trip(driver: AsyncDriver) -> None:
    user = await User(email=f"{unique('u')}@example.com", display_name="Ada").save()
    profile = await Profile(name="Ada", privacy="friends").save()
    await user.profiles.connect(profile)
    genre = await Genre(name=unique("Drama")).save()
    movie = await Media(type="movie", title="Round Trip", year=2020, tmdb_id=unique("tmdb")).save()
    await movie.genres.connect(genre)
    lst = await MediaList(name="Weekend", visibility="private").save()
    await profile.lists.connect(lst)
    await lst.items.connect(movie, {"position": "a0", "note": "with popcorn"})
    await profile.rated.connect(movie, {"rating": 9})

    again = await User.nodes.get(uid=user.uid)
    assert len(again.uid) == 36 and again.display_name == "Ada"
    [p] = await again.profiles.all()
    assert p.privacy == "friends" and p.is_kid is False
    [lst] = await p.lists.all()
    item = await lst.items.relationship(movie)
    assert (item.position, item.note) == ("a0", "with popcorn")
    rated = await p.rated.relationship(movie)
    assert rated.rating == 9 and rated.rated_at is not None
    assert [g.name for g in await movie.genres.all()] == [genre.name]

    for node in (user, p, lst, movie, genre):
        await node.delete()


async def test_certification_sets_its_level(driver: AsyncDriver) -> None:
    movie = await Media(type="movie", title="Rated", certification="pg-13").save()
    unrated = await Media(type="movie", title="Unrated").save()
    records, _, _ = await driver.execute_query(
        "MATCH (m:Media) WHERE m.uid IN $ids RETURN m.title AS t, m.cert_level AS level ORDER BY t",
        ids=[movie.uid, unrated.uid])
    assert [r.data() for r in records] == [{"t": "Rated", "level": 13}, {"t": "Unrated", "level": None}]
    await movie.delete()
    await unrated.delete()


async def test_tv_show_is_media_with_seasons(driver: AsyncDriver) -> None:
    show = await TVShow(type="tv", title="Harbour", number_of_seasons=1, status="ended").save()
    records, _, _ = await driver.execute_query(
        "MATCH (m:Media:TVShow {uid: $uid}) RETURN m.title AS t", uid=show.uid)
    assert records[0]["t"] == "Harbour"
    await show.delete()


@pytest.mark.parametrize("field", ["tmdb_id", "imdb_id", "movielens_id"])
async def test_duplicate_external_id_is_rejected(driver: AsyncDriver, field: str) -> None:
    value = 900_000_000 + uuid.uuid4().int % 1_000_000 if field == "movielens_id" else unique(field)
    first = await Media(type="movie", title="Original", **{field: value}).save()
    with pytest.raises(UniqueProperty):
        await Media(type="movie", title="Copy", **{field: value}).save()
    records, _, _ = await driver.execute_query(
        f"MATCH (m:Media) WHERE m.{field} = $v RETURN count(m) AS n", v=value)
    assert records[0]["n"] == 1
    await first.delete()


async def test_duplicate_email_is_rejected(driver: AsyncDriver) -> None:
    email = f"{unique('dup')}@example.com"
    first = await User(email=email).save()
    with pytest.raises(UniqueProperty):
        await User(email=email).save()
    await first.delete()


async def test_person_credit(driver: AsyncDriver) -> None:
    person = await Person(name="Test Person", tmdb_id=unique("p")).save()
    movie = await Media(type="movie", title="Credits").save()
    await person.acted_in.connect(movie, {"character": "Lead", "order": 0})
    rel = await person.acted_in.relationship(movie)
    assert rel.character == "Lead"
    await person.delete()
    await movie.delete()


async def test_migrate_is_idempotent(driver: AsyncDriver) -> None:
    first = await migrate(driver)
    assert await migrate(driver) == first
    assert first["constraints"] >= 20
