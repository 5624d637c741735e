"""REST for files: the avatar upload (GraphQL stays JSON)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from starlette.datastructures import UploadFile as StarletteUpload

from app.accounts.auth import identify
from app.errors import DomainError, InvalidInput
from app.profiles import service as profiles
from app.state import app_state

from . import avatars

router = APIRouter()


def error(e: DomainError) -> JSONResponse:
    return JSONResponse({"error": e.message, "field": e.field}, status_code=e.status)


@router.post("/api/profiles/{profile_id}/avatar")
async def upload_avatar(request: Request, profile_id: str) -> JSONResponse:
    state = app_state(request.app)
    try:
        # who and whose profile first; only then is the upload read
        p = await profiles.require_grown_up(state.driver, await identify(state.auth, request))
        await profiles.must_own(state.driver, p.user, profile_id)
        async with request.form(max_files=1, max_fields=5) as form:
            file = form.get("file")
            if not isinstance(file, StarletteUpload):
                raise InvalidInput("Send the image in a form field named file", field="file")
            data = await file.read(avatars.MAX_BYTES + 1)
        urls = await avatars.store(state.storage, profile_id, data)
    except DomainError as e:
        return error(e)
    await profiles.set_avatar(state.driver, p.user, profile_id, urls)
    return JSONResponse({"avatarUrl": urls[256], "sizes": {str(k): v for k, v in urls.items()}},
                        status_code=201)
