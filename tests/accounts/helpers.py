from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import httpx

from ..mailbox import Mailbox, link_token

PASSWORD = "correct-horse-42"


async def gql(api: httpx.AsyncClient, query: str, token: str | None = None,
              headers: dict[str, str] | None = None, **variables: Any) -> dict[str, Any]:
    h = dict(headers or {})
    if token:
        h["Authorization"] = f"Bearer {token}"
    response = await api.post("/graphql", json={"query": query, "variables": variables}, headers=h)
    assert response.status_code == 200, response.text
    return response.json()


def new_email() -> str:
    return f"user-{uuid.uuid4().hex[:10]}@example.com"


REGISTER = """mutation($email: String!, $pw: String!, $name: String!) {
  register(input: {email: $email, password: $pw, displayName: $name}) { message } }"""
LOGIN = """mutation($email: String!, $pw: String!) {
  login(input: {email: $email, password: $pw}) {
    accessToken refreshToken expiresIn twoFactorRequired challenge } }"""


async def register(api: httpx.AsyncClient, email: str, password: str = PASSWORD,
                   name: str = "Test Person") -> dict[str, Any]:
    return await gql(api, REGISTER, email=email, pw=password, name=name)


async def signed_up(api: httpx.AsyncClient, smtp: Mailbox, run_jobs: Callable[[], Awaitable[None]],
                    email: str | None = None, password: str = PASSWORD) -> tuple[str, dict[str, Any]]:
    """Register, confirm through the emailed link, sign in: (email, login payload)."""
    email = email or new_email()
    await register(api, email, password)
    await run_jobs()
    [message] = await smtp.wait_for(email)
    response = await api.get("/auth/verify", params={"token": link_token(message, "/auth/verify")})
    assert response.status_code == 200, response.text
    body = await gql(api, LOGIN, email=email, pw=password)
    return email, body["data"]["login"]
