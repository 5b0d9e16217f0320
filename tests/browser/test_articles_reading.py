"""A visitor finds an article: the list, a topic, then the article itself."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.browser.axe import axe_violations


def test_a_visitor_filters_the_list_by_a_topic_and_reads_an_article(
    page: Page, live_server
):
    page.goto(live_server.url + "/articles/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Articles")
    assert axe_violations(page) == []

    page.get_by_role("navigation", name="Topics").get_by_role(
        "link", name="Fearful-avoidant"
    ).click()
    # htmx swapped the list in place and put the topic's address in the bar.
    expect(page).to_have_url(re.compile(r"/articles/tag/fearful-avoidant/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Articles: Fearful-avoidant"
    )
    expect(page).to_have_title(re.compile(r"^Articles: Fearful-avoidant"))
    expect(
        page.get_by_role("link", name="Fearful-avoidant", exact=True)
    ).to_have_attribute("aria-current", "page")

    page.get_by_role(
        "link", name="How to create secure attachment in relationships?"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "How to create secure attachment in relationships?"
    )
    expect(
        page.get_by_role("heading", name="What are the attachment styles?")
    ).to_be_visible()
    expect(page.get_by_role("link", name="Take the attachment quiz")).to_be_visible()
    expect(
        page.locator("main").get_by_role("link", name="Book a free 20-minute consult")
    ).to_be_visible()
    assert axe_violations(page) == []

    page.go_back()
    expect(page).to_have_url(re.compile(r"/articles/tag/fearful-avoidant/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Articles: Fearful-avoidant"
    )


def test_the_topic_filter_works_without_javascript(browser, live_server, viewport):
    context = browser.new_context(java_script_enabled=False, viewport=viewport)
    page = context.new_page()
    page.goto(live_server.url + "/articles/")
    page.get_by_role("link", name="Secure", exact=True).click()
    expect(page).to_have_url(re.compile(r"/articles/tag/secure/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Articles: Secure")
    context.close()
