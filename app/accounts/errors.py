from __future__ import annotations

from app.errors import DomainError, Forbidden, Unauthenticated

__all__ = ["Forbidden", "InvalidCredentials", "TooManyAttempts", "Unauthenticated"]


class InvalidCredentials(DomainError):
    status = 401


class TooManyAttempts(DomainError):
    status = 429
