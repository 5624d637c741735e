"""Who is calling, as every domain sees it: the principal a request carries (accounts
work out which, app.accounts.auth) and the checks a service makes on it."""

from __future__ import annotations

from dataclasses import dataclass

from app.errors import Forbidden, InvalidInput, Unauthenticated


@dataclass(frozen=True)
class Principal:
    user: str
    session: str | None
    profile: str | None
    scopes: tuple[str, ...]
    via: str  # "bearer", "cookie" or "api_token"

    def allows(self, scope: str) -> bool:
        return "*" in self.scopes or scope in self.scopes


@dataclass
class Caller:
    principal: Principal | None
    problem: str | None = None  # why presented credentials were refused

    def require(self, scope: str = "read") -> Principal:
        if self.principal is None:
            raise Unauthenticated(self.problem or "Sign in first")
        if not self.principal.allows(scope):
            raise Forbidden(f"This token lacks the {scope} scope")
        return self.principal

    @property
    def reader(self) -> Principal | None:
        """The principal for reading personal data, or None when its token lacks `read`
        (a write-only extension token reads only what anyone may)."""
        p = self.principal
        return p if p is not None and p.allows("read") else None

    def require_session(self) -> Principal:
        """Account management needs a signed-in person, not an API token."""
        p = self.require()
        if p.session is None:
            raise Forbidden("Manage your account from a signed-in session, not an API token")
        return p


def acting(p: Principal) -> str:
    """The profile a personal write acts as."""
    if p.profile is None:
        raise InvalidInput("Choose a profile first", field="profile")
    return p.profile
