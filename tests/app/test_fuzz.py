"""Random and malformed tokens, cursors and variables (hypothesis) against the running API:
never a 5xx, never "Unexpected error", and a refusal names the argument at fault."""

from __future__ import annotations

import base64
import json
import uuid
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from app.accounts.service import SESSION_SCOPES
from app.accounts.tokens import AccessClaims
from graph_model import Profile, User

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                           max_leaves=8)
# tokens: noise, and JWT-shaped ones with any header (no kid, unknown kid, alg none...) and body
jwt_like = st.builds(lambda h, p, sig: f"{b64(json.dumps(h).encode())}.{b64(json.dumps(p).encode())}.{sig}",
                     st.dictionaries(st.sampled_from(["alg", "kid", "typ", "jku"]), json_values, max_size=4),
                     st.dictionaries(st.sampled_from(["sub", "exp", "aud", "iss", "pid"]), json_values, max_size=5),
                     st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-_", max_size=40))
tokens = st.text(max_size=200) | jwt_like
# cursors: noise, and base64 of JSON that is almost right
cursors = st.text(max_size=300) | json_values.map(lambda v: b64(json.dumps(v).encode()))


async def post(api: httpx.AsyncClient, query: str, variables: dict[str, Any],
               headers: dict[str, str] | None = None) -> dict[str, Any]:
    response = await api.post("/graphql", json={"query": query, "variables": variables}, headers=headers or {})
    assert response.status_code < 500, response.text
    body = response.json()
    for error in body.get("errors") or []:
        assert error["message"] != "Unexpected error.", body
    return dict(body)


def assert_names(body: dict[str, Any], *fields: str) -> None:
    errors = body.get("errors") or []
    assert errors, body
    assert errors[0].get("extensions", {}).get("field") in fields, body


@pytest.fixture(scope="module")
async def signed_in(app: FastAPI) -> str:
    user = await User(email=f"fuzz-{uuid.uuid4().hex[:8]}@example.com", display_name="Fuzz").save()
    profile = await Profile(name="Fuzz", is_primary=True).save()
    await user.profiles.connect(profile)
    return str(app.state.auth.issuer.issue(AccessClaims(user.uid, None, profile.uid, SESSION_SCOPES)))


def jwt_of(header: dict[str, Any]) -> str:
    return f"{b64(json.dumps(header).encode())}.{b64(json.dumps({'sub': 'x'}).encode())}.abc"


NO_KID, UNKNOWN_KID = jwt_of({"alg": "RS256"}), jwt_of({"alg": "RS256", "kid": "nope"})


@FUZZ
@given(token=tokens)
@example(token=NO_KID)
@example(token=UNKNOWN_KID)  # the probe's case: HTTP 500 on every request
async def test_any_token_is_refused_like_an_invalid_one(api: httpx.AsyncClient, movielens_catalog: object,
                                                        token: str) -> None:
    if not token.isprintable() or not token.isascii():
        return  # not a header value an HTTP client can send
    body = await post(api, "{ genres { name } me { id } }", {}, {"authorization": f"Bearer {token}"})
    assert body.get("data") is None or body["data"].get("me") is None


@FUZZ
@given(after=cursors)
@example(after=b64(json.dumps(["not a time", "x"]).encode()))  # reached datetime() in Cypher
async def test_a_forged_cursor_names_its_argument(api: httpx.AsyncClient, signed_in: str, after: str) -> None:
    auth = {"authorization": f"Bearer {signed_in}"}
    for query, field in (
            ("query($a: String) { mediaList(first: 2, after: $a) { edges { cursor } } }", "after"),
            ("query($a: String) { friendActivity(first: 2, after: $a) { edges { cursor } } }", "after"),
            ('query($a: String) { reviews(mediaId: "x", after: $a) { edges { cursor } } }', "after"),
            ('query($a: String) { searchMedia(input: {query: "heat", after: $a}) { totalCount } }', "input.after")):
        body = await post(api, query, {"a": after}, auth)
        if body.get("errors"):
            assert_names(body, field)


@FUZZ
@given(rating=json_values, visibility=json_values)
@example(rating=5.5, visibility="SECRET")  # the probe's cases: "Unexpected error."
@example(rating="7", visibility=7)
@example(rating=2147483648, visibility=None)
async def test_a_variable_of_the_wrong_type_names_itself(api: httpx.AsyncClient, signed_in: str,
                                                         rating: Any, visibility: Any) -> None:
    auth = {"authorization": f"Bearer {signed_in}"}
    body = await post(api, 'mutation($r: Int!) { rateMedia(mediaId: "nope", rating: $r) { rating } }',
                      {"r": rating}, auth)
    assert_names(body, "r", "mediaId", "rating")  # a valid Int still finds no such title
    body = await post(api, 'mutation($v: Visibility!) { createList(input: {name: "Fuzzed", visibility: $v}) { id } }',
                      {"v": visibility}, auth)
    if visibility not in ("PUBLIC", "FRIENDS", "PRIVATE"):
        assert_names(body, "v")
