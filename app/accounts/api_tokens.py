"""Named, scoped API tokens for extensions and scripts: shown once, stored as SHA-256."""

from __future__ import annotations

from app.errors import InvalidInput
from app.kit.checks import check_id
from app.kit.tokens import digest, random_token

from . import repository
from .repository import ApiTokenRow
from .runtime import AuthRuntime

SCOPES = ("read", "write:lists", "write:activity")
PREFIX = "rg_"
MAX_TOKENS = 50


async def create(rt: AuthRuntime, user: str, profile: str | None, name: str,
                 scopes: list[str]) -> tuple[str, ApiTokenRow]:
    name = " ".join(name.split())
    if not 1 <= len(name) <= 100:
        raise InvalidInput("Token name must be 1-100 characters", field="name")
    unknown = sorted(set(scopes) - set(SCOPES))
    if not scopes or unknown:
        raise InvalidInput(f"Scopes must be some of {', '.join(SCOPES)}", field="scopes")
    if len(await repository.list_api_tokens(rt.driver, user)) >= MAX_TOKENS:
        raise InvalidInput(f"At most {MAX_TOKENS} tokens; revoke one first", field="name")
    token = random_token(PREFIX)
    row = await repository.create_api_token(rt.driver, user, name, digest(token), token[:10],
                                            sorted(set(scopes)), profile)
    await repository.append_audit(rt.driver, user, "api_token_created", token=row["uid"], name=name)
    return token, row


async def revoke(rt: AuthRuntime, user: str, token_id: str) -> None:
    token_id = check_id(token_id, "id")
    if not await repository.revoke_api_token(rt.driver, user, token_id):
        raise InvalidInput("No such token", field="id")
    await repository.append_audit(rt.driver, user, "api_token_revoked", token=token_id)
