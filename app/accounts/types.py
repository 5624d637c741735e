from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING

import strawberry

from app.kit.temporal import when
from app.profiles.types import Profile

if TYPE_CHECKING:
    from .repository import ApiTokenRow, AuditRow, SessionRow


@strawberry.type
class Session:
    id: strawberry.ID
    device: str | None
    ip: str | None
    created_at: dt.datetime | None
    last_used_at: dt.datetime | None
    current: bool

    @classmethod
    def from_row(cls, row: SessionRow, current: str | None) -> Session:
        return cls(id=strawberry.ID(row["uid"]), device=row.get("device"), ip=row.get("ip"),
                   created_at=when(row.get("created_at")), last_used_at=when(row.get("last_used_at")),
                   current=row["uid"] == current)


@strawberry.type
class ApiToken:
    id: strawberry.ID
    name: str
    prefix: str
    scopes: list[str]
    created_at: dt.datetime | None
    last_used_at: dt.datetime | None

    @classmethod
    def from_row(cls, row: ApiTokenRow) -> ApiToken:
        return cls(id=strawberry.ID(row["uid"]), name=row["name"], prefix=row.get("prefix") or "",
                   scopes=list(row.get("scopes") or []), created_at=when(row.get("created_at")),
                   last_used_at=when(row.get("last_used_at")))


@strawberry.type
class CreatedApiToken:
    token: str = strawberry.field(description="Shown this once; only its hash is kept")
    api_token: ApiToken


@strawberry.type
class AuditEvent:
    id: strawberry.ID
    kind: str
    at: dt.datetime | None
    ip: str | None
    device: str | None
    detail: strawberry.scalars.JSON

    @classmethod
    def from_row(cls, row: AuditRow) -> AuditEvent:
        return cls(id=strawberry.ID(row["uid"]), kind=row["kind"], at=when(row.get("at")),
                   ip=row.get("ip"), device=row.get("device"),
                   detail=json.loads(row["detail"] or "{}"))


@strawberry.type
class User:
    id: strawberry.ID
    email: str | None
    email_verified: bool
    display_name: str | None
    two_factor_enabled: bool
    active_profile: Profile | None


@strawberry.type
class SwitchProfilePayload:
    access_token: str
    profile: Profile


@strawberry.type
class Message:
    message: str


@strawberry.type
class AuthPayload:
    access_token: str | None = None
    refresh_token: str | None = None
    expires_in: int | None = None
    two_factor_required: bool = False
    challenge: str | None = strawberry.field(
        default=None, description="Pass to loginTwoFactor with a code from the authenticator")


@strawberry.type
class TwoFactorSetup:
    secret: str
    otpauth_uri: str


@strawberry.input
class RegisterInput:
    email: str
    password: str
    display_name: str


@strawberry.input
class LoginInput:
    email: str
    password: str
