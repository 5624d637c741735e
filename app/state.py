"""What the lifespan opens once per process, typed: routes and the GraphQL context read
it through `app_state` rather than untyped `app.state` attributes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from starlette.applications import Starlette

if TYPE_CHECKING:
    from arq.connections import ArqRedis
    from neo4j import AsyncDriver
    from redis.asyncio import Redis

    from app.accounts.runtime import AuthRuntime
    from app.media.storage import Storage
    from app.settings import Settings
    from app.social.live import LiveHub
    from search import SearchBackend


@dataclass(frozen=True)
class AppState:
    settings: Settings
    driver: AsyncDriver
    redis: Redis
    listener: Redis  # the live hub's pub/sub connection
    jobs: ArqRedis
    auth: AuthRuntime
    storage: Storage
    search: SearchBackend
    live: LiveHub


def app_state(app: Starlette) -> AppState:
    state = app.state
    if not isinstance(state, AppState):
        raise RuntimeError("The app has not started: its lifespan sets the state")
    return state
