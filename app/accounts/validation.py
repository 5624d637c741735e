"""Field rules for account input; each failure names its field."""

from __future__ import annotations

from email_validator import EmailNotValidError, validate_email

from app.errors import InvalidInput


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
