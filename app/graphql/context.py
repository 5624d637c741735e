"""Per-request GraphQL context: shared clients, the caller, and fresh DataLoaders."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field

from fastapi import Request
from neo4j import AsyncDriver
from starlette.requests import HTTPConnection
from strawberry.dataloader import DataLoader
from strawberry.fastapi import BaseContext

from app.accounts.auth import (
    ACCESS_COOKIE,
    CSRF_COOKIE,
    REFRESH_COOKIE,
    clear_session_cookies,
    device_of,
    identify,
    identify_bearer,
    set_session_cookies,
)
from app.accounts.runtime import AuthRuntime
from app.accounts.service import Device, Tokens
from app.activity.loaders import mine_loader
from app.activity.rows import MineRow
from app.catalog.loaders import CatalogLoaders
from app.errors import Forbidden
from app.kit.principal import Caller
from app.lists.loaders import collaborators_loader
from app.lists.rows import CollaboratorRow
from app.profiles.service import viewer_cap
from app.settings import Settings
from app.social.live import LiveHub
from app.state import app_state
from app.tv.loaders import seasons_loader
from app.tv.rows import SeasonRow
from search import SearchBackend


@dataclass
class Context(BaseContext):
    driver: AsyncDriver
    settings: Settings
    auth: AuthRuntime
    caller: Caller
    max_level: int | None
    search: SearchBackend
    live: LiveHub | None = None  # subscriptions' fan-out; None outside the app
    catalog: CatalogLoaders = field(init=False)
    mine: DataLoader[str, MineRow | None] | None = field(init=False)
    seasons: DataLoader[str, list[SeasonRow]] = field(init=False)
    collaborators: DataLoader[str, list[CollaboratorRow]] = field(init=False)

    def __post_init__(self) -> None:
        super().__init__()
        self.catalog = CatalogLoaders(self.driver, self.max_level)
        p = self.caller.reader
        self.mine = mine_loader(self.driver, p.profile) if p and p.profile else None
        self.seasons = seasons_loader(self.driver, p.profile if p else None)
        self.collaborators = collaborators_loader(self.driver)

    def device(self) -> Device:
        assert isinstance(self.request, Request)
        return device_of(self.request)

    # -- cookies for the web pages (the API uses the Authorization header instead)

    def set_session_cookies(self, tokens: Tokens) -> None:
        assert self.response is not None
        request = self.request if isinstance(self.request, Request) else None
        set_session_cookies(self.response, request, tokens, self.settings.auth)

    def set_access_cookie(self, token: str) -> None:
        if self.request is not None and self.request.cookies.get(ACCESS_COOKIE) and self.response:
            a = self.settings.auth
            self.response.set_cookie(ACCESS_COOKIE, token, max_age=a.access_ttl_seconds,
                                     httponly=True, secure=a.cookie_secure, samesite="lax")

    def clear_session_cookies(self) -> None:
        if self.response is not None:
            clear_session_cookies(self.response)

    def refresh_cookie(self) -> str | None:
        return self.request.cookies.get(REFRESH_COOKIE) if self.request else None

    def require_csrf(self) -> None:
        req = self.request
        expected = req.cookies.get(CSRF_COOKIE, "") if req else ""
        sent = req.headers.get("x-csrf-token", "") if req else ""
        if not expected or not secrets.compare_digest(sent, expected):
            raise Forbidden("Missing or wrong X-CSRF-Token header")


async def get_context(connection: HTTPConnection) -> Context:
    """For HTTP requests and WebSocket connections alike. A WebSocket signs in with a bearer
    token (header, or `authorization` in connection_init), never with the cookie: a page
    on another site can open a WebSocket that carries our cookies."""
    state = app_state(connection.app)
    if isinstance(connection, Request):
        caller = await identify(state.auth, connection)
    else:
        caller = await identify_bearer(state.auth, connection.headers.get("authorization", ""))
    return Context(driver=state.driver, settings=state.settings, auth=state.auth, caller=caller,
                   max_level=await viewer_cap(state.driver, caller), search=state.search,
                   live=state.live)
