"""Every public page passes an automated WCAG 2.2 AA audit, in light and dark colour schemes."""

from __future__ import annotations

from datetime import date

import pytest
from playwright.sync_api import Page

from quiz import instruments
from quiz.results import make_result_token, result_path
from tests.browser.axe import axe_violations
from tests.browser.conftest import DESKTOP, PUBLIC_PAGES

PAGES = [
    *PUBLIC_PAGES,
    "/no-such-page/",
    "/articles/tag/anxious-preoccupied/",
    "/quiz/ecr-rs/",
]
RESULTS = {
    # anxiety, avoidance: one result of each style, two of them near a border
    "centre": (4.0, 4.0),  # no style claimed
    "secure": (2.1, 1.8),
    "anxious-preoccupied": (4.3, 2.6),
    "dismissive-avoidant": (2.0, 5.9),
    "fearful-avoidant": (6.4, 4.4),
}


@pytest.fixture
def viewport() -> dict:
    # Colour and structure do not depend on the window size; one size keeps the audit quick.
    return DESKTOP


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_the_page_has_no_accessibility_violations(
    page: Page, live_server, path: str, scheme: str
):
    page.emulate_media(color_scheme=scheme)
    page.goto(live_server.url + path)
    assert axe_violations(page) == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("style", RESULTS)
def test_the_result_page_has_no_accessibility_violations(
    page: Page, live_server, style: str, scheme: str
):
    anxiety, avoidance = RESULTS[style]
    token = make_result_token(
        instrument="ecr-r",
        anxiety=anxiety,
        avoidance=avoidance,
        taken_on=date(2026, 11, 27),
    )
    page.emulate_media(color_scheme=scheme)
    page.goto(live_server.url + result_path(token))
    assert axe_violations(page) == []


@pytest.mark.parametrize(
    ("instrument", "scheme"), [("ecr-r", "light"), ("ecr-rs", "dark")]
)
def test_every_step_of_the_quiz_has_no_accessibility_violations(
    page: Page, live_server, instrument: str, scheme: str
):
    page.emulate_media(color_scheme=scheme)
    page.goto(
        f"{live_server.url}/quiz/{instrument}/"
    )  # the ECR-RS first asks about whom
    assert axe_violations(page) == [], "first page"
    page.goto(f"{live_server.url}/quiz/{instrument}/?about=mother")
    count = len(instruments.get(instrument).items)
    for step in [*range(1, count + 1), "end"]:
        page.goto(f"{live_server.url}/quiz/{instrument}/?item={step}")
        assert axe_violations(page) == [], f"step {step}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_result_about_one_relationship_and_answered_alike_has_no_violations(
    page: Page, live_server, scheme: str
):
    token = make_result_token(
        instrument="ecr-rs",
        anxiety=4.0,
        avoidance=4.0,
        taken_on=date(2026, 11, 27),
        about="mother",
        answered_alike=True,
    )
    page.emulate_media(color_scheme=scheme)
    page.goto(live_server.url + result_path(token))
    for details in page.locator("main details").all():
        details.locator("summary").click()  # the folded steps are audited open too
    assert axe_violations(page) == []


def test_the_audit_catches_a_planted_fault(page: Page, live_server):
    page.goto(live_server.url + "/")
    page.evaluate(
        "() => { const img = document.createElement('img'); img.src = '/static/img/favicon.svg';"
        " document.querySelector('main').append(img); }"
    )
    violations = axe_violations(page)
    assert any(v.startswith("image-alt") for v in violations), violations


def test_the_audit_catches_poor_contrast(page: Page, live_server):
    page.goto(live_server.url + "/")
    page.evaluate(
        "() => { const p = document.createElement('p'); p.textContent = 'Hard to read';"
        " p.style.color = '#ccc';"
        " document.querySelector('main').append(p); }"
    )
    violations = axe_violations(page)
    assert any(v.startswith("color-contrast") for v in violations), violations
