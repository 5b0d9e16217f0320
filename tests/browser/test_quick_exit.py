"""'Leave this site' in Chromium: with JavaScript it replaces the page in the tab's
history, without it it is still a plain link, and a keyboard reaches it at once."""

from __future__ import annotations

from datetime import date

import pytest
from playwright.sync_api import Browser, Page, Route, expect

from quiz.results import make_result_token, result_path
from tests.browser.conftest import DESKTOP

NEUTRAL = "https://www.google.ca/"


@pytest.fixture
def viewport() -> dict:
    return DESKTOP


def neutral_site(route: Route) -> None:
    # The test never leaves the machine: the neutral site is answered here.
    route.fulfill(
        body="<!doctype html><title>Search</title><p>Search</p>",
        content_type="text/html",
    )


def result_url(live_server) -> str:
    token = make_result_token(
        instrument="ecr-r", anxiety=2.0, avoidance=5.0, taken_on=date(2026, 11, 27)
    )
    return live_server.url + result_path(token)


@pytest.mark.parametrize("where", ["/quiz/ecr-r/", "/book/", "RESULT"])
def test_with_javascript_leaving_replaces_the_page_in_history(
    page: Page, live_server, where: str
):
    page.route(f"{NEUTRAL}**", neutral_site)
    page.goto(live_server.url + "/about/")
    page.goto(result_url(live_server) if where == "RESULT" else live_server.url + where)
    page.get_by_role("link", name="Leave this site").click()
    page.wait_for_url(NEUTRAL)
    page.go_back()
    # Back skips the page she left: it is no longer in the tab's history.
    page.wait_for_url(live_server.url + "/about/")


def test_without_javascript_it_is_still_a_link_that_leaves(
    browser: Browser, live_server
):
    context = browser.new_context(java_script_enabled=False, viewport=DESKTOP)
    context.route(f"{NEUTRAL}**", neutral_site)
    page = context.new_page()
    page.goto(live_server.url + "/quiz/")
    page.get_by_role("link", name="Leave this site").click()
    page.wait_for_url(NEUTRAL)
    expect(page.locator("p")).to_have_text("Search")
    context.close()


def test_a_keyboard_reaches_it_second_and_enter_leaves(page: Page, live_server):
    page.route(f"{NEUTRAL}**", neutral_site)
    page.goto(live_server.url + "/quiz/ecr-r/")
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Leave this site")).to_be_focused()
    page.keyboard.press("Enter")
    page.wait_for_url(NEUTRAL)


def test_pressing_escape_twice_leaves_from_anywhere_on_the_page(
    page: Page, live_server
):
    page.route(f"{NEUTRAL}**", neutral_site)
    page.goto(live_server.url + "/")
    page.goto(live_server.url + "/quiz/ecr-rs/?about=friend")
    page.keyboard.press("Escape")
    expect(page).to_have_url(
        live_server.url + "/quiz/ecr-rs/?about=friend"
    )  # once is not enough
    page.keyboard.press("Escape")
    page.wait_for_url(NEUTRAL)
    page.go_back()
    page.wait_for_url(live_server.url + "/")
