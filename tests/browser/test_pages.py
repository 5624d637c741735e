"""The web pages in a real browser (Debian's Chromium driven by Playwright): sign up,
confirm by the emailed link, sign in, browse, sign out."""

import os
import shutil
import threading
from collections.abc import AsyncIterator, Awaitable, Callable

import pytest
import uvicorn
from neo4j import AsyncDriver
from neomodel import adb
from playwright.async_api import Browser, async_playwright

from app.main import create_app
from app.settings import Settings

from ..accounts.helpers import PASSWORD, new_email
from ..conftest import free_port
from ..mailbox import Mailbox, link_token

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# the flags a sandboxed CI machine needs: no background calls to Google's hosts
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
async def site(settings: Settings, driver: AsyncDriver) -> AsyncIterator[str]:
    """The real app behind a real HTTP server, as a browser needs one."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    served = settings.model_copy(update={"auth": settings.auth.model_copy(update={"public_url": base})})
    server = uvicorn.Server(uvicorn.Config(create_app(served), host="127.0.0.1", port=port,
                                           log_config=None, lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        threading.Event().wait(0.05)
    yield base
    server.should_exit = True
    thread.join(10)
    # neomodel keeps one driver per process and the served app replaced it with its own,
    # now closed: give the tests' driver back
    await adb.set_connection(driver=driver)


@pytest.fixture(scope="module")
async def browser() -> AsyncIterator[Browser]:
    if not os.path.exists(CHROMIUM):
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    async with async_playwright() as pw:
        b = await pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        await b.close()


async def test_sign_up_confirm_sign_in_and_out(
    site: str, browser: Browser, smtp: Mailbox, run_jobs: Callable[[], Awaitable[None]]
) -> None:
    email = new_email()
    context = await browser.new_context()
    page = await context.new_page()

    await page.goto(f"{site}/")
    await page.get_by_role("link", name="Create an account").click()
    await page.get_by_label("Display name").fill("Robin Browser")
    await page.get_by_label("Email").fill(email)
    await page.get_by_label("Password (10+ characters, letters and digits)").fill(PASSWORD)
    await page.get_by_role("button", name="Create account").click()
    assert await page.get_by_role("heading", name="Check your inbox").is_visible()

    await run_jobs()
    [message] = await smtp.wait_for(email)
    await page.goto(f"{site}/auth/verify?token={link_token(message, '/auth/verify')}")
    assert await page.get_by_role("heading", name="Email confirmed").is_visible()

    await page.goto(f"{site}/auth/login")
    await page.get_by_label("Email").fill(email)
    await page.get_by_label("Password").fill("wrong-password-9")
    await page.get_by_role("button", name="Sign in").click()
    assert "Invalid email or password" in await page.get_by_role("alert").inner_text()
    await page.get_by_label("Email").fill(email)
    await page.get_by_label("Password").fill(PASSWORD)
    await page.get_by_role("button", name="Sign in").click()
    await page.wait_for_url(f"{site}/")
    assert await page.get_by_role("button", name="Sign out").is_visible()
    cookies = {c["name"]: c for c in await context.cookies()}
    assert cookies["rg_access"]["httpOnly"] and not cookies["rg_csrf"]["httpOnly"]

    # browsing the catalog while signed in: a genre page and the next page of titles
    await page.get_by_role("link", name="Animation").click()
    assert await page.get_by_role("heading", name="Titles in Animation").is_visible()
    first = await page.locator("ul.titles li").first.inner_text()
    await page.get_by_role("link", name="Next titles").click()
    assert await page.locator("ul.titles li").first.inner_text() != first

    await page.get_by_role("button", name="Sign out").click()
    await page.wait_for_url(f"{site}/")
    assert await page.get_by_role("link", name="Sign in").is_visible()
    assert "rg_access" not in {c["name"] for c in await context.cookies()}
    await context.close()
