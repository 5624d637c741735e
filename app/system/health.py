"""/healthz: each dependency answers, or the service is not ready."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from app.logging import log
from app.state import app_state

router = APIRouter()


async def _probe(check: Any) -> dict[str, Any]:
    started = time.perf_counter()
    try:
        await asyncio.wait_for(check, timeout=3)
        return {"status": "ok", "ms": round((time.perf_counter() - started) * 1000, 1)}
    except Exception as e:  # any failure means "not healthy"; details stay in the log
        log.warning("healthz.check_failed", error=repr(e))
        return {"status": "error", "error": type(e).__name__}


@router.get("/healthz")
async def healthz(request: Request) -> JSONResponse:
    state = app_state(request.app)
    checks = {
        "neo4j": await _probe(state.driver.verify_connectivity()),
        "redis": await _probe(state.redis.ping()),
        "search": await _probe(state.search.ping()),
    }
    ok = all(c["status"] == "ok" for c in checks.values())
    return JSONResponse({"status": "ok" if ok else "degraded", "checks": checks},
                        status_code=200 if ok else 503)
