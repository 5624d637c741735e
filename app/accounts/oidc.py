"""OpenID Connect sign-in through one generic provider configuration.

Authorization code flow with PKCE, state and nonce; the ID token is verified against
the provider's published keys. A provider identity links to an existing account only
through an email address the provider says it verified.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import httpx
import jwt

from app.errors import InvalidInput
from app.kit.tokens import random_token

from . import repository
from .errors import InvalidCredentials
from .repository import UserRow
from .runtime import AuthRuntime
from .service import Device, Tokens, revoke, start_session, two_factor_challenge

DISCOVERY_TTL = 3600
ALGORITHMS = {"RS256", "PS256", "ES256", "EdDSA"}  # never "none" or HMAC, whatever discovery says


@dataclass
class Outcome:
    tokens: Tokens | None = None
    challenge: str | None = None  # the account has two-factor sign-in: ask for a code


@dataclass(frozen=True)
class ProviderConfig:
    name: str
    issuer: str
    client_id: str
    client_secret: str
    scopes: str = "openid email profile"


def providers(rt: AuthRuntime) -> dict[str, ProviderConfig]:
    raw = json.loads(rt.settings.auth.oidc_providers or "[]")
    return {p["name"]: ProviderConfig(**p) for p in raw}


def provider(rt: AuthRuntime, name: str) -> ProviderConfig:
    found = providers(rt).get(name[:50])
    if found is None:
        raise InvalidInput(f"No sign-in provider named {name[:50]!r}", field="provider")
    return found


_discovery: dict[str, tuple[float, dict[str, Any]]] = {}


async def discover(client: httpx.AsyncClient, issuer: str) -> dict[str, Any]:
    cached = _discovery.get(issuer)
    if cached and time.monotonic() - cached[0] < DISCOVERY_TTL:
        return cached[1]
    response = await client.get(f"{issuer.rstrip('/')}/.well-known/openid-configuration")
    response.raise_for_status()
    meta: dict[str, Any] = response.json()
    if meta.get("issuer") != issuer:
        raise InvalidCredentials("The sign-in provider's discovery document names another issuer")
    _discovery[issuer] = (time.monotonic(), meta)
    return meta


def redirect_uri(rt: AuthRuntime, name: str) -> str:
    return f"{rt.settings.auth.public_url}/auth/oidc/{name}/callback"


def _challenge(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode()).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


async def start(rt: AuthRuntime, name: str, client: httpx.AsyncClient) -> str:
    """The provider URL to send the browser to; state, nonce and PKCE verifier wait in Redis."""
    cfg = provider(rt, name)
    meta = await discover(client, cfg.issuer)
    state, nonce, verifier = random_token(), random_token(), random_token()
    await rt.redis.set(f"oidc:state:{state}", json.dumps(
        {"provider": name, "nonce": nonce, "verifier": verifier}), ex=600)
    query = urlencode({
        "response_type": "code", "client_id": cfg.client_id, "redirect_uri": redirect_uri(rt, name),
        "scope": cfg.scopes, "state": state, "nonce": nonce,
        "code_challenge": _challenge(verifier), "code_challenge_method": "S256",
    })
    return f"{meta['authorization_endpoint']}?{query}"


async def _id_claims(cfg: ProviderConfig, meta: dict[str, Any], id_token: str, nonce: str,
                     client: httpx.AsyncClient) -> dict[str, Any]:
    published = await client.get(meta["jwks_uri"])
    if published.status_code != 200:
        raise InvalidCredentials("The sign-in provider's keys could not be read")
    keys = published.json().get("keys", [])
    kid = jwt.get_unverified_header(id_token).get("kid")
    matching = [k for k in keys if kid is None or k.get("kid") == kid]
    if not matching:
        raise InvalidCredentials("The ID token was signed with a key the provider does not publish")
    jwk = jwt.PyJWK(matching[0])
    claims: dict[str, Any] = jwt.decode(
        id_token, jwk.key,
        algorithms=sorted(ALGORITHMS & set(meta.get("id_token_signing_alg_values_supported", ["RS256"]))),
        audience=cfg.client_id, issuer=cfg.issuer, options={"require": ["exp", "iat", "sub"]})
    if claims.get("nonce") != nonce:
        raise InvalidCredentials("The ID token does not answer this sign-in (nonce)")
    return claims


async def finish(rt: AuthRuntime, name: str, code: str, state: str, browser_state: str | None,
                 device: Device, client: httpx.AsyncClient) -> Outcome:
    # The state must come back in the same browser that started (its cookie): otherwise
    # someone could hand a victim their own callback link and sign them into their account.
    if not browser_state or not secrets.compare_digest(browser_state, state):
        raise InvalidCredentials("This sign-in was started in another browser; start again")
    saved = await rt.redis.getdel(f"oidc:state:{state[:200]}")
    if saved is None:
        raise InvalidCredentials("This sign-in expired or was already used; start again")
    flow = json.loads(saved)
    if flow["provider"] != name:
        raise InvalidCredentials("This sign-in was started with another provider")
    cfg = provider(rt, name)
    meta = await discover(client, cfg.issuer)
    response = await client.post(meta["token_endpoint"], data={
        "grant_type": "authorization_code", "code": code[:2000], "redirect_uri": redirect_uri(rt, name),
        "code_verifier": flow["verifier"],
    }, auth=(cfg.client_id, cfg.client_secret))
    if response.status_code != 200 or "id_token" not in response.json():
        raise InvalidCredentials("The sign-in provider refused the code")
    body = response.json()
    claims = await _id_claims(cfg, meta, body["id_token"], flow["nonce"], client)
    if "email" not in claims and meta.get("userinfo_endpoint") and body.get("access_token"):
        # many providers keep profile claims out of the ID token; the UserInfo endpoint has them
        info = await client.get(meta["userinfo_endpoint"],
                                headers={"Authorization": f"Bearer {body['access_token']}"})
        if info.status_code == 200 and info.json().get("sub") == claims["sub"]:
            claims = {**info.json(), **claims}
    return await sign_in(rt, name, claims, device)


async def sign_in(rt: AuthRuntime, name: str, claims: dict[str, Any], device: Device) -> Outcome:
    key = f"{name}|{claims['sub']}"
    found = await repository.identity_user(rt.driver, key)
    # An email the provider has not verified is not used at all: not to link, not to refuse
    # (which would tell whether it is registered), not to store.
    email = claims.get("email") if claims.get("email_verified") is True else None
    email = email.strip().lower() if isinstance(email, str) else None
    if found is None and email:
        found = await repository.user_by_email(rt.driver, email)
        if found is not None:
            await _claim_by_verified_email(rt, found[0], name)
    if found is None:
        display = str(claims.get("name") or (email or "Reelgraph friend").split("@")[0])[:50]
        try:
            found = await repository.create_user(rt.driver, email, None, display,
                                                 email_verified=email is not None)
        except repository.EmailTaken:  # created between our lookup and now
            raise InvalidCredentials("Sign-in did not complete; try again") from None
    user, profile = found
    await repository.link_identity(rt.driver, user["uid"], name, str(claims["sub"]), email)
    if user.get("totp_enabled"):
        return Outcome(challenge=await two_factor_challenge(rt, user["uid"], user.get("email")))
    return Outcome(tokens=await start_session(rt, user["uid"], profile, device, kind="login_oidc"))


async def _claim_by_verified_email(rt: AuthRuntime, user: UserRow, provider: str) -> None:
    """Linking by a provider-verified email. If the account never proved that address,
    whoever set its password did not own it: the password and sessions go."""
    if not user.get("email_verified"):
        await repository.update_user(rt.driver, user["uid"], email_verified=True, password_hash=None)
        await revoke(rt, user["uid"])
    await repository.append_audit(rt.driver, user["uid"], "identity_linked", provider=provider)
