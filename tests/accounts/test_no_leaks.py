"""Sign-in, sign-up and reset answer alike whether or not an email is registered."""

import statistics
import time
from collections.abc import Awaitable, Callable

import httpx
from neo4j import AsyncDriver
from redis.asyncio import Redis

from ..mailbox import Mailbox
from .helpers import LOGIN, PASSWORD, gql, new_email, register, signed_up

RESET = "mutation($e: String!) { requestPasswordReset(email: $e) { message } }"


async def timed(api: httpx.AsyncClient, query: str, runs: int = 7, **variables: str) -> tuple[float, list[dict]]:
    durations, bodies = [], []
    for _ in range(runs):
        started = time.perf_counter()
        bodies.append(await gql(api, query, **variables))
        durations.append(time.perf_counter() - started)
    return statistics.median(durations), bodies


async def test_login_does_not_tell_registered_from_unknown(
    api: httpx.AsyncClient, smtp: Mailbox, run_jobs: Callable[[], Awaitable[None]], redis: Redis
) -> None:
    known, _ = await signed_up(api, smtp, run_jobs)
    unknown = new_email()
    # under the lockout threshold: 4 tries each
    t_known, known_bodies = await timed(api, LOGIN, runs=4, email=known, pw="wrong-password-1")
    t_unknown, unknown_bodies = await timed(api, LOGIN, runs=4, email=unknown, pw="wrong-password-1")
    messages = {b["errors"][0]["message"] for b in known_bodies + unknown_bodies}
    assert messages == {"Invalid email or password"}
    # both paths run one argon2 verification; allow noise, not a whole hash's worth
    assert abs(t_known - t_unknown) < 0.5 * max(t_known, t_unknown), (t_known, t_unknown)

    # the fifth failure locks either address the same way, and a right password then waits too
    for email in (known, unknown):
        await gql(api, LOGIN, email=email, pw="wrong-password-1")
        locked = await gql(api, LOGIN, email=email, pw=PASSWORD)
        assert locked["errors"][0]["message"].startswith("Too many failed sign-in attempts")


async def test_reset_and_signup_answer_alike(
    api: httpx.AsyncClient, smtp: Mailbox, run_jobs: Callable[[], Awaitable[None]],
    redis: Redis, driver: AsyncDriver
) -> None:
    known, _ = await signed_up(api, smtp, run_jobs)
    unknown = new_email()
    queued = await redis.zcard("arq:queue")
    a = await gql(api, RESET, e=known)
    b = await gql(api, RESET, e=unknown)
    assert a["data"] == {"requestPasswordReset": b["data"]["requestPasswordReset"]}
    assert await redis.zcard("arq:queue") == queued + 2  # one job each; the job decides
    # (at most 5 account emails an hour per address: two more requests each)
    t_known, _ = await timed(api, RESET, runs=2, e=known)
    t_unknown, _ = await timed(api, RESET, runs=2, e=unknown)
    assert abs(t_known - t_unknown) < 0.02 + 0.5 * max(t_known, t_unknown)

    started = time.perf_counter()
    again = await register(api, known, password="another-pass-99", name="Impostor")
    t_again = time.perf_counter() - started
    started = time.perf_counter()
    fresh = await register(api, new_email())
    t_fresh = time.perf_counter() - started
    assert again["data"] == fresh["data"]
    # both hash the password (argon2id dominates); neither waits on SMTP
    assert abs(t_again - t_fresh) < 0.5 * max(t_again, t_fresh), (t_again, t_fresh)
    await run_jobs()
    subjects = [m["Subject"] for m in smtp.to(known)]
    assert "Someone tried to sign up with your email" in subjects
    assert "Reset your Reelgraph password" in subjects
    assert not smtp.to(unknown)  # nothing is sent to an address with no account
    records, _, _ = await driver.execute_query(
        "MATCH (u:User {email: $e}) RETURN count(u) AS n, collect(u.display_name) AS names", e=known)
    assert records[0].data() == {"n": 1, "names": ["Test Person"]}
