"""Under the strict Content Security Policy, every public page and every admin page the
therapist uses loads without a console error or a CSP violation.

The pages are found, not listed: every fixed URL pattern, the site's pages they link to,
and, logged in, every admin page reachable from the admin's index. The `page` fixture
fails the test on any console error; Chromium reports each CSP violation as one.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import DESKTOP
from tests.browser.steps import log_in_as_the_therapist
from tests.security.fuzz import all_routes

SKIP = ("/static/", "/media/", "/admin/logout/")


def same_site_links(page: Page, base: str, prefix: str) -> list[str]:
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    found = []
    for href in hrefs:
        parts = urlsplit(href)
        if href.startswith(base) and parts.path.startswith(prefix):
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            if not path.startswith(SKIP):
                found.append(path)
    return found


def visit_all(
    page: Page, base: str, start: list[str], *, prefix: str, limit: int
) -> list[str]:
    seen: list[str] = []
    queue = list(start)
    # Say where: the shared fixture lists the problems, this names the page of each.
    page.on(
        "console",
        lambda m: (
            m.type == "error" and print(f"console error on {page.url}: {m.text[:120]}")
        ),
    )
    while queue and len(seen) < limit:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.append(path)
        # Feeds, the sitemap and JSON are not pages: Chromium's own XML viewer styles
        # them inline, which is the browser's doing, not ours.
        probe = page.request.get(base + path, max_redirects=0)
        assert probe.status < 500, path
        if "html" not in (probe.headers.get("content-type") or ""):
            continue
        response = page.goto(base + path)
        assert response is not None and response.status < 500, path
        page.wait_for_load_state("load")
        queue += [p for p in same_site_links(page, base, prefix) if p not in seen]
    return seen


def test_every_public_page_loads_under_the_policy_without_a_console_error(
    page: Page, live_server
):
    fixed = [
        route.fixed_path()
        for route in all_routes()
        if route.is_fixed and not route.is_admin
    ]
    visited = visit_all(page, live_server.url, fixed, prefix="/", limit=60)
    assert {"/", "/about/", "/book/", "/quiz/", "/articles/"} <= set(visited)


# The policy and what a page loads do not depend on the window's width, so the walk over
# some 80 admin pages runs once; on a phone, the pages she uses there are opened (with
# the same watch for console errors and CSP violations) by test_therapist_admin.py.
@pytest.mark.parametrize("viewport", [DESKTOP], ids=["desktop"], indirect=True)
@pytest.mark.usefixtures("db")
def test_every_admin_page_the_therapist_uses_loads_under_the_policy(
    page: Page, live_server
):
    log_in_as_the_therapist(page, live_server.url)
    visited = visit_all(page, live_server.url, ["/admin/"], prefix="/admin/", limit=80)
    assert any(p.endswith("/add/") for p in visited)
    assert any(p.endswith("/change/") for p in visited)
