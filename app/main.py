"""The application factory: one Neo4j driver and one Redis client per process."""

from __future__ import annotations

import gc
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

import structlog
from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from strawberry.fastapi import GraphQLRouter

from app.accounts.runtime import AuthRuntime
from app.graphql.context import get_context
from app.graphql.schema import build_schema
from app.kit.redis import open_jobs, open_redis
from app.logging import configure_logging, log
from app.media.routes import router as media_router
from app.media.storage import build_storage, media_root
from app.search.backend import open_search
from app.settings import Settings, get_settings
from app.social.live import LiveHub
from app.state import AppState
from app.system.health import router as health_router
from app.web.auth_pages import router as auth_pages_router
from app.web.oidc_routes import router as oidc_router
from app.web.routes import router as web_router
from app.web.search_page import router as search_page_router
from app.web.signin_pages import router as signin_router
from graph_model.db import connect


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    configure_logging(settings.log_level)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        n = settings.neo4j
        driver = await connect(n.uri, n.user, n.password, n.max_pool_size)
        redis, listener = open_redis(settings.redis), open_redis(settings.redis, listener=True)
        jobs = await open_jobs(settings.redis)
        state = AppState(settings=settings, driver=driver, redis=redis, listener=listener, jobs=jobs,
                         auth=AuthRuntime(driver, redis, jobs, settings),
                         storage=build_storage(settings), search=open_search(settings),
                         live=LiveHub(listener, driver))
        # the typed state replaces Starlette's bag of attributes; the names stay the same
        app.state = state  # type: ignore[assignment]
        await state.live.start()
        log.info("app.started", neo4j=n.uri, env=settings.env)
        # what start-up built lives as long as the process: keep it out of every full GC
        gc.freeze()
        try:
            yield
        finally:
            await state.live.close()
            await state.listener.aclose()
            await state.auth.drain()
            await state.search.close()
            await state.jobs.aclose()
            await state.redis.aclose()
            await state.driver.close()
            # thawed, so that interpreter shutdown frees what start-up froze: frozen objects
            # are never collected, and extensions then report them as leaks at exit
            gc.unfreeze()

    app = FastAPI(title="Reelgraph", lifespan=lifespan, docs_url=None, redoc_url=None)

    @app.middleware("http")
    async def body_limit(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        # uploads may carry an image; everything else is small JSON or a form
        limit = 6 * 1024 * 1024 if request.url.path.startswith("/api/") else 256 * 1024
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > limit):
            return JSONResponse({"error": f"Request body over {limit // 1024} KB"}, status_code=413)
        return await call_next(request)

    @app.middleware("http")
    async def request_id(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        rid = request.headers.get("x-request-id", "")[:64] or uuid.uuid4().hex
        structlog.contextvars.bind_contextvars(request_id=rid)
        try:
            response = await call_next(request)
        finally:
            structlog.contextvars.clear_contextvars()
        response.headers["x-request-id"] = rid
        return response

    app.include_router(health_router)
    app.include_router(web_router)
    app.include_router(search_page_router)
    app.include_router(auth_pages_router)
    app.include_router(oidc_router)
    app.include_router(signin_router)
    app.include_router(media_router)
    if settings.storage.backend == "local":
        root = media_root(settings)
        root.mkdir(parents=True, exist_ok=True)
        app.mount("/media", StaticFiles(directory=root), name="media")
    app.include_router(GraphQLRouter(build_schema(settings), context_getter=get_context),
                       prefix="/graphql")
    return app
