"""TOTP second factor: setup, sign-in, clock-shifted and replayed codes, recovery, step-up."""

import time
from collections.abc import Awaitable, Callable

import httpx
import pyotp

from ..mailbox import Mailbox
from .helpers import LOGIN, PASSWORD, gql, signed_up

SECOND = """mutation($c: String!, $code: String, $rc: String) {
  loginTwoFactor(challenge: $c, code: $code, recoveryCode: $rc) { accessToken refreshToken } }"""


def code_at(secret: str, offset_seconds: int) -> str:
    return pyotp.TOTP(secret).at(time.time() + offset_seconds)


async def test_totp_sign_in_and_its_guards(
    api: httpx.AsyncClient, smtp: Mailbox, run_jobs: Callable[[], Awaitable[None]]
) -> None:
    email, tokens = await signed_up(api, smtp, run_jobs)
    access = tokens["accessToken"]
    setup = (await gql(api, "mutation { startTwoFactorSetup { secret otpauthUri } }", token=access))
    secret = setup["data"]["startTwoFactorSetup"]["secret"]
    uri = setup["data"]["startTwoFactorSetup"]["otpauthUri"]
    assert uri.startswith("otpauth://totp/Reelgraph:") and f"secret={secret}" in uri

    wrong = await gql(api, "mutation($c: String!) { confirmTwoFactor(code: $c) }", token=access,
                      c=code_at(secret, 300))
    assert wrong["errors"][0]["extensions"]["field"] == "code"
    confirm_code = code_at(secret, 0)
    confirmed = await gql(api, "mutation($c: String!) { confirmTwoFactor(code: $c) }", token=access,
                          c=confirm_code)
    recovery = confirmed["data"]["confirmTwoFactor"]
    assert len(recovery) == 10 and len(set(recovery)) == 10

    step = (await gql(api, LOGIN, email=email, pw=PASSWORD))["data"]["login"]
    assert step["twoFactorRequired"] and step["accessToken"] is None
    # a code from 90 seconds ahead (a clock shifted by three steps) is refused
    shifted = await gql(api, SECOND, c=step["challenge"], code=code_at(secret, 90))
    assert shifted["errors"][0]["message"] == "That code is not valid"
    # the code that confirmed setup is still inside the window, but refused as a replay
    replay = await gql(api, SECOND, c=step["challenge"], code=confirm_code)
    assert replay["errors"][0]["message"] == "That code is not valid"
    # the next step's code (30 s tolerance for clock drift) is accepted
    ok = await gql(api, SECOND, c=step["challenge"], code=code_at(secret, 30))
    assert ok["data"]["loginTwoFactor"]["accessToken"]
    # the challenge is spent
    spent = await gql(api, SECOND, c=step["challenge"], code=code_at(secret, -30))
    assert spent["errors"][0]["message"] == "Sign in again; this step expired"

    # recovery codes work once
    step = (await gql(api, LOGIN, email=email, pw=PASSWORD))["data"]["login"]
    used = await gql(api, SECOND, c=step["challenge"], rc=recovery[0])
    fresh = used["data"]["loginTwoFactor"]["accessToken"]
    step = (await gql(api, LOGIN, email=email, pw=PASSWORD))["data"]["login"]
    assert (await gql(api, SECOND, c=step["challenge"], rc=recovery[0]))["errors"]

    # turning it off needs the password and a current code (step-up)
    disable = "mutation($p: String!, $c: String!) { disableTwoFactor(password: $p, code: $c) }"
    no_pw = await gql(api, disable, token=fresh, p="not-my-password-1", c=code_at(secret, -30))
    assert no_pw["errors"][0]["extensions"]["field"] == "password"
    off = await gql(api, disable, token=fresh, p=PASSWORD, c=code_at(secret, -30))
    assert off["data"]["disableTwoFactor"] is True
    assert (await gql(api, LOGIN, email=email, pw=PASSWORD))["data"]["login"]["accessToken"]

    kinds = [e["kind"] for e in (await gql(api, "{ auditLog { kind } }", token=fresh))["data"]["auditLog"]]
    for kind in ("2fa_enabled", "login_2fa", "login_recovery_code", "2fa_disabled", "email_verified"):
        assert kind in kinds


async def test_codes_are_throttled_like_passwords(
    api: httpx.AsyncClient, smtp: Mailbox, run_jobs: Callable[[], Awaitable[None]]
) -> None:
    email, tokens = await signed_up(api, smtp, run_jobs)
    t = tokens["accessToken"]
    secret = (await gql(api, "mutation { startTwoFactorSetup { secret } }", token=t)
              )["data"]["startTwoFactorSetup"]["secret"]
    await gql(api, "mutation($c: String!) { confirmTwoFactor(code: $c) }", token=t, c=code_at(secret, 0))
    messages = []
    for _ in range(3):  # fresh challenges do not reset the count: the password alone is not enough
        step = await gql(api, LOGIN, email=email, pw=PASSWORD)
        if "errors" in step:
            messages.append(step["errors"][0]["message"])
            continue
        for _ in range(2):
            body = await gql(api, SECOND, c=step["data"]["login"]["challenge"], code="000000")
            messages.append(body["errors"][0]["message"])
    assert messages[:3] == ["That code is not valid"] * 3
    assert messages[-1].startswith("Too many failed sign-in attempts")
