from __future__ import annotations

from app.errors import DomainError


class Unauthenticated(DomainError):
    status = 401


class Forbidden(DomainError):
    status = 403


class InvalidCredentials(DomainError):
    status = 401


class TooManyAttempts(DomainError):
    status = 429
