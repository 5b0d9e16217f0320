"""The site's pages in a real Chromium: they render, navigate, and raise no console error."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.browser.steps import open_the_menu_if_it_is_folded


def test_a_visitor_opens_the_home_page_and_finds_the_way_to_a_consult(
    page: Page, live_server
):
    page.goto(live_server.url + "/")
    expect(page).to_have_title("The Therapeutic Way")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_role("contentinfo")).to_contain_text("call or text 9-8-8")
    expect(
        page.locator("main").get_by_role("link", name="Book a free 20-minute consult")
    ).to_be_visible()


def test_a_visitor_walks_through_every_site_page(page: Page, live_server):
    page.goto(live_server.url + "/")
    for name, heading in [
        ("About", "About the practice"),
        ("FAQ", "Frequently asked questions"),
        ("Contact", "Contact"),
    ]:
        open_the_menu_if_it_is_folded(page)
        page.get_by_role("navigation", name="Main").get_by_role(
            "link", name=name, exact=True
        ).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    page.get_by_role("contentinfo").get_by_role("link", name="Privacy").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Privacy")
