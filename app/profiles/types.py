from __future__ import annotations

import json
from enum import Enum
from typing import TYPE_CHECKING, Any

import strawberry

if TYPE_CHECKING:
    from .repository import ProfileRow


@strawberry.enum
class Privacy(Enum):
    PUBLIC = "public"
    FRIENDS = "friends"
    PRIVATE = "private"


@strawberry.type
class SocialLink:
    label: str
    url: str


@strawberry.type
class Profile:
    id: strawberry.ID
    name: str
    is_kid: bool
    is_guest: bool
    is_primary: bool
    max_cert_level: int | None
    bio: str | None
    location: str | None
    timezone: str
    privacy: Privacy
    avatar_url: str | None
    social_links: list[SocialLink]

    @classmethod
    def from_row(cls, row: ProfileRow) -> Profile:
        raw = row.get("social_links")
        links = json.loads(raw) if isinstance(raw, str) else {}
        return cls(
            id=strawberry.ID(row["uid"]), name=row.get("name") or "", is_kid=bool(row.get("is_kid")),
            is_guest=bool(row.get("is_guest")), is_primary=bool(row.get("is_primary")),
            max_cert_level=row.get("max_cert_level"), bio=row.get("bio"),
            location=row.get("location"), timezone=row.get("timezone") or "UTC",
            privacy=Privacy(row.get("privacy") or "friends"), avatar_url=row.get("avatar_url"),
            social_links=[SocialLink(label=k, url=v) for k, v in links.items()],
        )


@strawberry.input
class SocialLinkInput:
    label: str
    url: str


@strawberry.input
class ProfileInput:
    name: str | None = None
    bio: str | None = None
    location: str | None = None
    timezone: str | None = None
    privacy: Privacy | None = None
    social_links: list[SocialLinkInput] | None = None
    max_cert_level: int | None = strawberry.field(
        default=None, description="Kid profiles: highest certification level shown (PG = 10, PG-13 = 13)")

    def fields(self) -> dict[str, Any]:
        """Only what the caller set, in the service's terms."""
        out: dict[str, Any] = {}
        for key in ("name", "bio", "location", "timezone", "max_cert_level"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        if self.privacy is not None:
            out["privacy"] = self.privacy.value
        if self.social_links is not None:
            out["social_links"] = {link.label: link.url for link in self.social_links}
        return out
