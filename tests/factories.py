"""Small factories for tests: each goes through the real services (or, for what no service
makes, the real repository) and returns the ids a test needs.

    me = await user(app)
    friend = await user(app)
    await follow(app, me, friend)
    shelf = await list_(app, me, titles=await titles(driver, 3))
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from fastapi import FastAPI
from neo4j import AsyncDriver

from app.accounts import repository as accounts
from app.accounts import service as auth
from app.accounts.auth import identify_bearer
from app.accounts.passwords import hash_password
from app.kit.principal import Principal
from app.lists import service as lists
from app.profiles import service as profiles
from app.reviews import service as reviews
from app.social import service as social

from .accounts.helpers import PASSWORD, new_email

REVIEW_TEXT = "A warm, funny film that holds up on every rewatch."


@dataclass(frozen=True)
class User:
    id: str
    email: str
    profile: str  # the default profile, the one the session acts as
    token: str  # a signed-in session's access token

    @property
    def principal(self) -> Principal:
        return Principal(user=self.id, session=None, profile=self.profile, scopes=("*",), via="test")


@dataclass(frozen=True)
class Profile:
    id: str
    user: str


@dataclass(frozen=True)
class List:
    id: str
    owner: str  # profile id
    titles: tuple[str, ...]


@dataclass(frozen=True)
class Review:
    id: str
    media: str
    author: str  # profile id


async def titles(driver: AsyncDriver, n: int) -> list[str]:
    """The first `n` MovieLens titles (the demo catalog the session imports)."""
    records, _, _ = await driver.execute_query(
        "MATCH (m:Media) WHERE m.movielens_id IS NOT NULL RETURN m.uid AS id ORDER BY m.movielens_id LIMIT $n", n=n)
    return [r["id"] for r in records]


async def user(app: FastAPI, name: str = "Test Person", email: str | None = None) -> User:
    """A verified account with its default profile (and its system lists), signed in."""
    rt = app.state.auth
    email = email or new_email()
    row, profile = await accounts.create_user(rt.driver, email, hash_password(PASSWORD), name,
                                              email_verified=True)
    outcome = await auth.login(rt, email, PASSWORD, auth.Device(name="factory"))
    assert outcome.tokens is not None
    return User(id=row["uid"], email=email, profile=profile, token=outcome.tokens.access_token)


async def profile(app: FastAPI, owner: User, name: str | None = None, is_kid: bool = False) -> Profile:
    """Another profile of the account."""
    caller = await identify_bearer(app.state.auth, f"Bearer {owner.token}")
    row = await profiles.create(app.state.driver, caller, name or f"Profile {uuid.uuid4().hex[:6]}",
                                is_kid, False)
    return Profile(id=row["uid"], user=owner.id)


async def follow(app: FastAPI, a: User, b: User) -> None:
    """a follows b; b approves at once when its main profile asks for requests."""
    d = app.state.driver
    if (await social.follow(d, a.id, b.id))["status"] == "REQUESTED":
        await social.answer(d, b.id, a.id, True)


async def list_(app: FastAPI, owner: User, name: str | None = None, visibility: str = "private",
                titles: list[str] | tuple[str, ...] = ()) -> List:
    """A list of the owner's default profile holding `titles`, in that order."""
    s = app.state
    p = owner.principal
    row = await lists.create(s.driver, s.redis, p, name or f"List {uuid.uuid4().hex[:6]}", None, None, visibility)
    for media in titles:
        await lists.add(s.driver, s.redis, p, row["uid"], media, None, None)
    return List(id=row["uid"], owner=owner.profile, titles=tuple(titles))


async def review(app: FastAPI, author: User, media: str, content: str = REVIEW_TEXT,
                 visibility: str = "public", spoilers: bool = False) -> Review:
    s = app.state
    row = await reviews.create(s.driver, s.redis, author.principal, media, content, spoilers, visibility, None)
    return Review(id=row["uid"], media=media, author=author.profile)
