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


class Unauthenticated(DomainError):
    status = 401


class Forbidden(DomainError):
    status = 403
