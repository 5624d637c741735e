"""Domain errors: expected failures with a status and, where it applies, the field at fault."""

from __future__ import annotations


class DomainError(Exception):
    status = 400

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        # graphql-core copies this onto the error the client sees
        self.extensions = {"code": type(self).__name__, **({"field": field} if field else {})}


class InvalidInput(DomainError):
    status = 422


class NotFound(DomainError):
    status = 404


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
