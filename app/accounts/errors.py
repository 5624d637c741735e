from __future__ import annotations

from app.errors import DomainError


class InvalidCredentials(DomainError):
    status = 401


class TooManyAttempts(DomainError):
    status = 429
