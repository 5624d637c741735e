"""REST for files: the avatar upload (GraphQL stays JSON)."""

from __future__ import annotations

import json

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from starlette.datastructures import UploadFile as StarletteUpload

from app.accounts.auth import identify
from app.errors import DomainError, InvalidInput
from app.profiles import repository as profiles
from app.profiles import service as profile_service

from . import avatars

router = APIRouter()


def error(e: DomainError) -> JSONResponse:
    return JSONResponse({"error": e.message, "field": e.field}, status_code=e.status)


@router.post("/api/profiles/{profile_id}/avatar")
async def upload_avatar(request: Request, profile_id: str) -> JSONResponse:
    state = request.app.state
    try:
        # who and whose profile first; only then is the upload read
        p = await profile_service.require_grown_up(state.driver, await identify(state.auth, request))
        await profile_service.must_own(state.driver, p.user, profile_id)
        async with request.form(max_files=1, max_fields=5) as form:
            file = form.get("file")
            if not isinstance(file, StarletteUpload):
                raise InvalidInput("Send the image in a form field named file", field="file")
            data = await file.read(avatars.MAX_BYTES + 1)
        urls = await avatars.store(state.storage, profile_id, data)
    except DomainError as e:
        return error(e)
    await profiles.update_profile(state.driver, p.user, profile_id, {
        "avatar_url": urls[256], "avatar_urls": json.dumps({str(k): v for k, v in urls.items()})})
    return JSONResponse({"avatarUrl": urls[256], "sizes": {str(k): v for k, v in urls.items()}},
                        status_code=201)
