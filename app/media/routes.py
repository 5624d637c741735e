"""REST for files: the avatar upload (GraphQL stays JSON)."""

from __future__ import annotations

import json

from fastapi import APIRouter, Request, UploadFile
from fastapi.responses import JSONResponse

from app.accounts.auth import identify
from app.errors import DomainError
from app.profiles import repository as profiles
from app.profiles import service as profile_service

from . import avatars

router = APIRouter()


def error(e: DomainError) -> JSONResponse:
    return JSONResponse({"error": e.message, "field": e.field}, status_code=e.status)


@router.post("/api/profiles/{profile_id}/avatar")
async def upload_avatar(request: Request, profile_id: str, file: UploadFile) -> JSONResponse:
    state = request.app.state
    try:
        p = (await identify(state.auth, request)).require_session()
        await profile_service.must_own(state.driver, p.user, profile_id)
        data = await file.read(avatars.MAX_BYTES + 1)
        urls = await avatars.store(state.storage, profile_id, data)
    except DomainError as e:
        return error(e)
    await profiles.update_profile(state.driver, p.user, profile_id, {
        "avatar_url": urls[256], "avatar_urls": json.dumps({str(k): v for k, v in urls.items()})})
    return JSONResponse({"avatarUrl": urls[256], "sizes": {str(k): v for k, v in urls.items()}},
                        status_code=201)
