"""Profile rules: family profiles, kid caps, guests, and the fields people may edit."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlparse
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from neo4j import AsyncDriver
from redis.asyncio import Redis

from app import events
from app.errors import Forbidden, InvalidInput, NotFound
from app.kit.checks import bounded, check_id, display_name
from app.kit.principal import Caller, Principal

from . import repository
from .repository import ProfileRow

MAX_PROFILES = 8
KID_DEFAULT_LEVEL = 10  # up to PG / TV-PG
PRIVACY = ("public", "friends", "private")
MAX_LINKS = 10


def _links(links: dict[str, str]) -> str:
    if len(links) > MAX_LINKS:
        raise InvalidInput(f"At most {MAX_LINKS} social links", field="socialLinks")
    for label, url in links.items():
        parsed = urlparse(url)
        if not (1 <= len(label) <= 30) or len(url) > 200 or parsed.scheme not in ("http", "https") \
                or not parsed.netloc:
            raise InvalidInput("Each social link needs a label (1-30 characters) and an "
                               "http(s) address up to 200 characters", field="socialLinks")
    return json.dumps(links)


def clean(fields: dict[str, Any]) -> dict[str, Any]:
    """Validated graph properties from the editable fields that were given."""
    props: dict[str, Any] = {}
    if "name" in fields:
        props["name"] = display_name(fields["name"], field="name")
    for key, field, limit, label in (("bio", "bio", 500, "Bio"),
                                     ("location", "location", 100, "Location")):
        if key in fields:
            props[key] = bounded(fields[key], field, limit, label)
    if fields.get("timezone") is not None:
        try:
            ZoneInfo(fields["timezone"][:64])
        except (ZoneInfoNotFoundError, ValueError):
            raise InvalidInput("Timezone must be an IANA name such as Europe/Paris",
                               field="timezone") from None
        props["timezone"] = fields["timezone"]
    if fields.get("privacy") is not None:
        if fields["privacy"] not in PRIVACY:
            raise InvalidInput("Privacy must be public, friends or private", field="privacy")
        props["privacy"] = fields["privacy"]
    if fields.get("social_links") is not None:
        props["social_links"] = _links(fields["social_links"])
    if fields.get("max_cert_level") is not None:
        if not 0 <= fields["max_cert_level"] <= 18:
            raise InvalidInput("maxCertLevel must be between 0 and 18", field="maxCertLevel")
        props["max_cert_level"] = fields["max_cert_level"]
    return props


async def list_mine(driver: AsyncDriver, caller: Caller) -> list[ProfileRow]:
    return await repository.list_profiles(driver, caller.require().user)


async def active(driver: AsyncDriver, p: Principal) -> ProfileRow | None:
    """The profile the principal acts as, if it has one."""
    return await repository.get_profile(driver, p.user, p.profile) if p.profile else None


async def create(driver: AsyncDriver, caller: Caller, name: str, is_kid: bool, is_guest: bool,
                 **fields: Any) -> ProfileRow:
    """A new profile of the caller's account; only a grown-up profile adds one."""
    user = (await require_grown_up(driver, caller)).user
    props = clean({"name": name, **fields})
    props.update(is_kid=is_kid, is_guest=is_guest,
                 privacy=props.get("privacy", "private" if is_kid or is_guest else "friends"),
                 timezone=props.get("timezone", "UTC"))
    if is_kid:
        props.setdefault("max_cert_level", KID_DEFAULT_LEVEL)
    created = await repository.create_profile(driver, user, props, MAX_PROFILES)
    if created is None:
        raise InvalidInput(f"An account can have at most {MAX_PROFILES} profiles", field="name")
    return created


async def update(driver: AsyncDriver, redis: Redis, caller: Caller, profile: str,
                 **fields: Any) -> ProfileRow:
    user = (await require_grown_up(driver, caller)).user  # kids cannot lift their own cap
    profile = check_id(profile, "id")
    props = clean(fields)
    updated = await repository.update_profile(driver, user, profile, props)
    if updated is None:
        raise NotFound("No such profile", field="id")
    if "privacy" in props:
        await events.audience_changed(redis, user)  # live subscriptions follow at once
    return updated


async def delete(driver: AsyncDriver, redis: Redis, user: str, profile: str, acting: str | None) -> None:
    """The caller (accounts.manage) also ends the profile's sessions and tokens."""
    if profile == acting:
        raise InvalidInput("Switch to another profile before deleting this one", field="id")
    if not await repository.delete_profile(driver, user, profile):
        raise InvalidInput("No such profile, or it is the account's main profile", field="id")
    await events.audience_changed(redis, user)


async def must_own(driver: AsyncDriver, user: str, profile: str) -> ProfileRow:
    row = await repository.get_profile(driver, user, check_id(profile, "profileId"))
    if row is None:
        raise NotFound("No such profile", field="profileId")
    return row


async def set_avatar(driver: AsyncDriver, user: str, profile: str, urls: dict[int, str]) -> None:
    """The 256-pixel rendition is the profile's avatar; the others are there for srcset."""
    await repository.update_profile(driver, user, profile, {
        "avatar_url": urls[256], "avatar_urls": json.dumps({str(k): v for k, v in urls.items()})})


STRICTEST = 0  # G / TV-Y / TV-G only


async def certification_cap(driver: AsyncDriver, user: str, profile: str | None) -> int | None:
    """The highest certification level the acting profile may see; None means no cap.
    A profile that no longer exists gets the strictest cap: fail closed, not open."""
    if profile is None:
        return None
    row = await repository.viewer(driver, user, profile)
    if row is None:
        return STRICTEST
    if not row["is_kid"]:
        return None
    cap = row["max_cert_level"]
    return cap if cap is not None else KID_DEFAULT_LEVEL


async def viewer_cap(driver: AsyncDriver, caller: Caller) -> int | None:
    """The cap for this request. Credentials that were presented but refused (expired,
    revoked) get the strictest cap rather than the anonymous, uncapped catalog: a kid's
    device with a stale token must not see everything."""
    if caller.principal is None:
        return STRICTEST if caller.problem else None
    return await certification_cap(driver, caller.principal.user, caller.principal.profile)


def restricted(row: ProfileRow | None) -> bool:
    return row is None or bool(row.get("is_kid")) or bool(row.get("is_guest"))


async def acts_restricted(driver: AsyncDriver, p: Principal) -> bool:
    """Whether the principal acts as a kid or guest profile (or one that is gone)."""
    return p.profile is not None and restricted(await active(driver, p))


async def require_grown_up(driver: AsyncDriver, caller: Caller) -> Principal:
    """Account management (2FA, tokens, sessions, profiles) is for the account's grown-up
    profiles, from a signed-in session: never from a kid or guest profile or an API token."""
    p = caller.require_session()
    if await acts_restricted(driver, p):
        raise Forbidden("Switch to a grown-up profile to manage the account")
    return p
