"""Every public page passes an automated WCAG 2.2 AA audit, in light and dark colour schemes."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.browser.axe import axe_violations
from tests.browser.conftest import DESKTOP

PUBLIC_PAGES = ["/", "/about/", "/faq/", "/contact/", "/privacy/", "/no-such-page/"]


@pytest.fixture
def viewport() -> dict:
    # Colour and structure do not depend on the window size; one size keeps the audit quick.
    return DESKTOP


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_the_page_has_no_accessibility_violations(
    page: Page, live_server, path: str, scheme: str
):
    page.emulate_media(color_scheme=scheme)
    page.goto(live_server.url + path)
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
