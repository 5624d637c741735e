"""Field checks every domain shares; each failure names the field at fault."""

from __future__ import annotations

from email_validator import EmailNotValidError, validate_email

from app.errors import InvalidInput

VISIBILITY = ("public", "friends", "private")
MAX_ID = 64  # uids are uuid4 hex (32); room for imported ids, never more


def check_id(value: object, field: str) -> str:
    """An id argument: 1-64 printable characters (longer ones are refused, not cut)."""
    text = str(value)
    if not 1 <= len(text) <= MAX_ID or not text.isprintable():
        raise InvalidInput(f"{field} must be 1-{MAX_ID} printable characters", field=field)
    return text


def check_values(values: list[str] | None, field: str, max_len: int, most: int = 20) -> tuple[str, ...]:
    """A list filter's values: at most `most`, each 1-`max_len` printable characters, trimmed."""
    if not values:
        return ()
    if len(values) > most:
        raise InvalidInput(f"at most {most} values", field=field)
    if any(not v.strip() or len(v) > max_len or not v.isprintable() for v in values):
        raise InvalidInput(f"each value must be 1-{max_len} printable characters", field=field)
    return tuple(v.strip() for v in values)


def check_between(value: int, field: str, low: int, high: int) -> int:
    if not low <= value <= high:
        raise InvalidInput(f"{field} must be between {low} and {high}", field=field)
    return value


def check_visibility(value: str, field: str = "visibility") -> str:
    if value not in VISIBILITY:
        raise InvalidInput("Visibility must be public, friends or private", field=field)
    return value


def normalize_email(raw: str, field: str = "email") -> str:
    if len(raw) > 254:
        raise InvalidInput("Enter a valid email address", field=field)
    try:
        return validate_email(raw.strip(), check_deliverability=False).normalized.lower()
    except EmailNotValidError:
        raise InvalidInput("Enter a valid email address", field=field) from None


def display_name(raw: str, field: str = "displayName") -> str:
    name = " ".join(raw.split())
    if not 1 <= len(name) <= 50:
        raise InvalidInput("Display name must be 1-50 characters", field=field)
    return name


def bounded(raw: str | None, field: str, max_length: int, label: str) -> str | None:
    if raw is None:
        return None
    value = raw.strip()
    if len(value) > max_length:
        raise InvalidInput(f"{label} must be at most {max_length} characters", field=field)
    return value or None
