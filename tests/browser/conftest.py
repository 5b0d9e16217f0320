"""Browser tests: a real Chromium against the live test server.

Every page a test visits is watched: a console error or a Content Security Policy
violation fails the test, whatever else it asserts.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import ConsoleMessage, Page, Response


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The live server needs committed rows; serialized_rollback puts the practice's seeded
    # content back after each test flushes the database.
    for item in items:
        if "browser" in item.path.parts:
            item.add_marker(
                pytest.mark.django_db(transaction=True, serialized_rollback=True)
            )


PHONE = {"width": 375, "height": 812}
# The pages a visitor reaches from the menu and the front page.
PUBLIC_PAGES = [
    "/",
    "/about/",
    "/faq/",
    "/contact/",
    "/privacy/",
    "/fees/",
    "/articles/",
    "/articles/how-to-create-secure-attachment-in-relationships/",
    "/quiz/",
    "/quiz/ecr-r/",
    "/book/",
]
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(params=[PHONE, DESKTOP], ids=["phone", "desktop"])
def viewport(request: pytest.FixtureRequest) -> dict:
    return request.param


@pytest.fixture
def browser_context_args(browser_context_args: dict, viewport: dict) -> dict:
    return {**browser_context_args, "viewport": viewport}


@pytest.fixture
def page(page: Page):
    """The page, with console errors, CSP violations and broken resources asserted absent at the end."""
    problems = watch(page)
    yield page
    assert problems == [], "the browser reported problems:\n" + "\n".join(problems)


def watch(page: Page) -> list[str]:
    """Collect what would worry us on this page: console errors (CSP violations among
    them), script errors, and any resource the page loads that fails.

    A page we navigate to may answer 4xx on purpose (the 404 page); what may never fail is
    anything the page itself loads: a stylesheet, a script, an image, an htmx request.
    """
    problems: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        # Chromium reports every non-2xx answer as "Failed to load resource"; those are
        # judged below by what was requested, so only the others count here.
        if message.type == "error" and not message.text.startswith(
            "Failed to load resource"
        ):
            problems.append(f"console error: {message.text}")

    def on_response(response: Response) -> None:
        request = response.request
        if (
            response.status >= 400
            and not request.is_navigation_request()
            and not _expected(response)
        ):
            problems.append(f"{response.status} for {request.method} {response.url}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("response", on_response)
    return problems


def _expected(response: Response) -> bool:
    """htmx requests that answer 4xx on purpose (a form with errors, a slot just taken)."""
    return response.request.headers.get("hx-request") == "true" and response.status in (
        400,
        409,
        429,
    )
