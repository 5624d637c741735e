"""OpenID Connect sign-in through one generic provider configuration.

Authorization code flow with PKCE, state and nonce; the ID token is verified against
the provider's published keys. A provider identity links to an existing account only
through an email address the provider says it verified.
"""

from __future__ import annotations

import base64
import hashlib
import json
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import httpx
import jwt

from app.errors import InvalidInput

from . import repository
from .errors import InvalidCredentials
from .runtime import AuthRuntime
from .service import Device, Tokens, start_session
from .tokens import random_token

DISCOVERY_TTL = 3600


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
    keys = (await client.get(meta["jwks_uri"])).json()["keys"]
    kid = jwt.get_unverified_header(id_token).get("kid")
    matching = [k for k in keys if kid is None or k.get("kid") == kid]
    if not matching:
        raise InvalidCredentials("The ID token was signed with a key the provider does not publish")
    jwk = jwt.PyJWK(matching[0])
    claims: dict[str, Any] = jwt.decode(
        id_token, jwk.key, algorithms=meta.get("id_token_signing_alg_values_supported", ["RS256"]),
        audience=cfg.client_id, issuer=cfg.issuer, options={"require": ["exp", "iat", "sub"]})
    if claims.get("nonce") != nonce:
        raise InvalidCredentials("The ID token does not answer this sign-in (nonce)")
    return claims


async def finish(rt: AuthRuntime, name: str, code: str, state: str, device: Device,
                 client: httpx.AsyncClient) -> Tokens:
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
    if response.status_code != 200:
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


async def sign_in(rt: AuthRuntime, name: str, claims: dict[str, Any], device: Device) -> Tokens:
    key = f"{name}|{claims['sub']}"
    found = await repository.identity_user(rt.driver, key)
    email = claims.get("email")
    email = email.strip().lower() if isinstance(email, str) else None
    verified = claims.get("email_verified") is True
    if found is None and email:
        existing = await repository.user_by_email(rt.driver, email)
        if existing is not None:
            if not verified:
                raise InvalidCredentials("An account uses this email; the provider has not verified "
                                         "it, so sign in with your password instead")
            found = existing
            await repository.append_audit(rt.driver, existing[0]["uid"], "identity_linked",
                                          provider=name)
    if found is None:
        display = str(claims.get("name") or (email or "Reelgraph friend").split("@")[0])[:50]
        try:
            found = await repository.create_user(rt.driver, email if verified else None, None,
                                                 display, email_verified=verified)
        except repository.EmailTaken:
            raise InvalidCredentials("An account uses this email; sign in with it first") from None
    user, profile = found
    await repository.link_identity(rt.driver, user["uid"], name, str(claims["sub"]), email)
    return await start_session(rt, user["uid"], profile, device, kind="login_oidc")
