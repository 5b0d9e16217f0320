"""Every public page's first load stays light, and nothing is fetched from another origin.

Sizes are what the page would cost over the wire: each response body as gzip compresses
it (whitenoise serves static files pre-compressed; a proxy compresses HTML), counted over
everything the browser requested for the first, cold load.
"""

from __future__ import annotations

import gzip
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import PHONE, PUBLIC_PAGES

BUDGET_BYTES = 60 * 1024


@pytest.fixture
def viewport() -> dict:
    return PHONE


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_the_first_load_is_light_and_stays_on_our_origin(
    page: Page, live_server, path: str
):
    fetched: list[tuple[str, int]] = []

    def on_response(response) -> None:
        body = response.body() if response.status < 300 else b""
        fetched.append((response.url, len(gzip.compress(body))))

    page.on("response", on_response)
    page.goto(live_server.url + path, wait_until="networkidle")

    ours = urlsplit(live_server.url).netloc
    assert [url for url, _ in fetched if urlsplit(url).netloc != ours] == []
    total = sum(size for _, size in fetched)
    assert total <= BUDGET_BYTES, f"{total} bytes: " + ", ".join(
        f"{u} {s}" for u, s in fetched
    )
    assert (
        len(fetched) >= 3
    )  # the page, its stylesheet and htmx at least: the count is real
