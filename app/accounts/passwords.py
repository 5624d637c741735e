"""Password hashing (argon2id) and the password policy."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from app.errors import InvalidInput

_hasher = PasswordHasher()  # argon2id, library defaults (RFC 9106 low-memory profile)
# Verified against when the email is unknown, so both paths cost one argon2 run.
_DUMMY = _hasher.hash("reelgraph-timing-equaliser")

MIN_LENGTH, MAX_LENGTH = 10, 128


def check_policy(password: str, email: str | None = None, field: str = "password") -> None:
    if not MIN_LENGTH <= len(password) <= MAX_LENGTH:
        raise InvalidInput(f"Password must be {MIN_LENGTH}-{MAX_LENGTH} characters", field=field)
    if password.isdigit() or password.isalpha():
        raise InvalidInput("Password must mix letters with digits or symbols", field=field)
    if email and password.lower() == email.lower():
        raise InvalidInput("Password must not be your email address", field=field)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)
