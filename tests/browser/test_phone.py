"""The visitor's experience on a phone, measured at 375×812 (and 320 px wide) in Chromium:
a header that leaves the screen to the page, the statement largest on a quiz step, booking
in at most two screens of picking, and nothing that scrolls sideways."""

from __future__ import annotations

import re
from datetime import date

import pytest
from playwright.sync_api import Page, expect

from quiz.results import make_result_token, result_path
from tests.browser.axe import axe_violations
from tests.browser.conftest import PHONE, PUBLIC_PAGES
from tests.browser.steps import open_the_menu_if_it_is_folded

pytestmark = pytest.mark.usefixtures("quick_forms")

SCREEN = PHONE["height"]
EVERY_PUBLIC_PAGE = [
    *PUBLIC_PAGES,
    "/no-such-page/",
    "/articles/tag/anxious-preoccupied/",
    "/quiz/ecr-rs/?item=3",
    "/quiz/ecr-r/?item=end",
]


def a_result_path() -> str:
    token = make_result_token(
        instrument="ecr-r", anxiety=4.3, avoidance=2.6, taken_on=date(2026, 11, 27)
    )
    return result_path(token)


@pytest.fixture
def viewport() -> dict:
    return PHONE


@pytest.mark.parametrize("path", [*EVERY_PUBLIC_PAGE, "result"])
def test_the_header_is_one_short_row_on_a_phone(page: Page, live_server, path: str):
    page.goto(live_server.url + (a_result_path() if path == "result" else path))
    height = page.locator(".site-header").evaluate(
        "header => header.getBoundingClientRect().height"
    )
    assert height <= 80, f"the header is {height} px tall"
    expect(page.get_by_role("link", name="Book a free consult").first).to_be_visible()


def test_the_menu_opens_and_closes_with_the_keyboard_and_says_so(
    page: Page, live_server
):
    page.goto(live_server.url + "/")
    toggle = page.locator(".site-header summary")
    links = page.get_by_role("navigation", name="Main").get_by_role("link")
    expect(page.get_by_role("link", name="About", exact=True)).to_be_hidden()
    expect(links).to_have_count(1)  # the consult button only
    toggle.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".site-menu")).to_have_attribute("open", "")
    expect(links).to_have_count(6)
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="About", exact=True)).to_be_focused()
    page.get_by_role("link", name="About", exact=True).press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("About the practice")
    expect(page.locator(".site-menu")).not_to_have_attribute("open", "")
    assert axe_violations(page) == []


@pytest.mark.parametrize("path", [*EVERY_PUBLIC_PAGE, "result"])
def test_nothing_scrolls_sideways_even_at_320_px(page: Page, live_server, path: str):
    page.set_viewport_size({"width": 320, "height": SCREEN})
    page.goto(live_server.url + (a_result_path() if path == "result" else path))
    open_the_menu_if_it_is_folded(page)
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow == 0, f"{overflow} px of sideways scroll"


LARGEST_TEXT_OUTSIDE_THE_STATEMENT = """card => {
  const statement = card.querySelector('.quiz-statement');
  let largest = 0;
  const walker = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const text = walker.currentNode;
    const element = text.parentElement;
    if (!text.textContent.trim() || statement.contains(element)) continue;
    if (!element.checkVisibility()) continue;
    largest = Math.max(largest, parseFloat(getComputedStyle(element).fontSize));
  }
  return [parseFloat(getComputedStyle(statement).fontSize), largest];
}"""


@pytest.mark.parametrize("step", ["1", "17"])
def test_the_statement_is_the_largest_text_in_the_quiz_card(
    page: Page, live_server, step: str
):
    page.goto(f"{live_server.url}/quiz/ecr-r/?item={step}")
    statement, largest_other = page.locator("#quiz-step").evaluate(
        LARGEST_TEXT_OUTSIDE_THE_STATEMENT
    )
    assert statement > largest_other
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text("Attachment quiz · ECR-R")
    size = heading.evaluate("h => parseFloat(getComputedStyle(h).fontSize)")
    assert size < statement


def test_the_quiz_start_page_names_the_versions_in_plain_words(page: Page, live_server):
    page.goto(live_server.url + "/quiz/")
    expect(page.get_by_role("heading", level=3)).to_have_text(
        [
            "A short version: 9 statements, about 3 minutes",
            "The full version: 36 statements, about 10 minutes",
        ]
    )
    expect(page.locator(".quiz-cite")).to_have_count(2)  # the citation stays


# Issue #16: from the top of the page, the first practice of a result within three screens
# and, a time chosen, the name field of /book/ within two.
RESULT_SCREENS = 3
BOOKING_SCREENS = 2


def a_result_about_a_mother() -> str:
    """An ECR-RS result: it names its relationship in the heading and in the note under
    it, the longest top a result has."""
    token = make_result_token(
        instrument="ecr-rs",
        anxiety=5.5,
        avoidance=3.6,
        taken_on=date(2026, 11, 27),
        about="mother",
    )
    return result_path(token)


@pytest.mark.parametrize("result", [a_result_path, a_result_about_a_mother])
def test_the_result_reaches_its_first_practice_within_three_screens(
    page: Page, live_server, result
):
    page.goto(live_server.url + result())
    top = page.locator(".quiz-practice").first.evaluate(
        "p => p.getBoundingClientRect().top + window.scrollY"
    )
    assert top / SCREEN <= RESULT_SCREENS, f"{top / SCREEN:.2f} screens"


def test_booking_reaches_the_name_field_within_two_screens(page: Page, live_server):
    page.goto(live_server.url + "/book/")
    page.locator(".time").first.click()
    top = page.get_by_label("Your name").evaluate(
        "field => field.getBoundingClientRect().top + window.scrollY"
    )
    assert top / SCREEN <= BOOKING_SCREENS, f"{top / SCREEN:.2f} screens"
    # With JavaScript the zone applies when chosen: no button for it.
    expect(page.get_by_role("button", name="Show times")).to_be_hidden()


def test_the_week_view_works_with_the_keyboard_alone(page: Page, live_server):
    page.goto(live_server.url + "/book/?tz=America/Toronto")
    week = page.locator(".week__label")
    first_week = week.inner_text()
    expect(page.locator(".days li")).to_have_count(7)
    page.get_by_role("link", name="Next week").focus()
    page.keyboard.press("Enter")
    expect(week).not_to_have_text(first_week)
    expect(page).to_have_url(re.compile(r"day=\d{4}-\d\d-\d\d"))
    # Focus stays on the week links, so Enter again goes on, and Previous comes back.
    expect(page.get_by_role("link", name="Previous week")).to_be_visible()
    page.get_by_role("link", name="Previous week").focus()
    page.keyboard.press("Enter")
    expect(week).to_have_text(first_week)
    # Back on the first week there is no earlier one: focus goes to its chosen day, in
    # the picker (and only once it has, the next key is pressed).
    expect(page.locator("#picker :focus")).to_have_count(1)
    day = page.locator("a.day").last
    day.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#picker .times legend")).to_be_focused()
    expect(page.locator("a.day").last).to_have_attribute("aria-current", "date")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    expect(page.locator(".time input").first).to_be_checked()


def test_the_week_view_works_without_javascript(browser, live_server):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(live_server.url + "/book/")
    week = page.locator(".week__label")
    first_week = week.inner_text()
    page.get_by_role("link", name="Next week").click()
    expect(week).not_to_have_text(first_week)
    page.locator("a.day").first.click()
    expect(page.locator("a.day").first).to_have_attribute("aria-current", "date")
    expect(page.locator(".time")).not_to_have_count(0)
    expect(page.get_by_role("button", name="Show times")).to_be_visible()
    context.close()


CHANGED_PAGES = [
    "/",
    "/faq/",
    "/quiz/",
    "/quiz/ecr-r/?item=1",
    "/book/",
    "/no-such-page/",
]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", CHANGED_PAGES)
def test_the_changed_pages_have_no_accessibility_violations_on_a_phone(
    page: Page, live_server, path: str, scheme: str
):
    page.emulate_media(color_scheme=scheme)
    page.goto(live_server.url + path)
    open_the_menu_if_it_is_folded(page)
    assert axe_violations(page) == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_result_with_every_fold_opened_has_no_accessibility_violations(
    page: Page, live_server, scheme: str
):
    page.emulate_media(color_scheme=scheme)
    page.goto(live_server.url + a_result_path())
    folds = page.locator("main details")
    expect(folds).to_have_count(7)  # the helplines, the style, five practices' steps
    for fold in folds.all():
        fold.locator("summary").click()
    expect(page.get_by_text("Kids Help Phone")).to_have_count(0)  # not confirmed yet
    expect(page.locator(".support__list li")).to_have_count(2)
    expect(page.locator(".support__list")).to_be_visible()
    assert axe_violations(page) == []
