"""Browser tests: a real Chromium against the live test server.

Every page a test visits is watched: a console error or a Content Security Policy
violation fails the test, whatever else it asserts.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import ConsoleMessage, Page


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The live server needs committed rows; serialized_rollback puts the practice's seeded
    # content back after each test flushes the database.
    for item in items:
        if "browser" in item.path.parts:
            item.add_marker(
                pytest.mark.django_db(transaction=True, serialized_rollback=True)
            )


PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(params=[PHONE, DESKTOP], ids=["phone", "desktop"])
def viewport(request: pytest.FixtureRequest) -> dict:
    return request.param


@pytest.fixture
def browser_context_args(browser_context_args: dict, viewport: dict) -> dict:
    return {**browser_context_args, "viewport": viewport}


@pytest.fixture
def page(page: Page):
    """The page, with console errors and CSP violations collected and asserted absent at the end."""
    problems: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            problems.append(f"console error: {message.text}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    yield page
    assert problems == [], "the browser reported problems:\n" + "\n".join(problems)
