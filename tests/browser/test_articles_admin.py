"""The therapist writes a draft in the admin, previews it, publishes it, and visitors find it."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.browser.steps import log_in_as_the_therapist


def test_the_therapist_writes_previews_and_publishes_an_article(
    page: Page, live_server
):
    log_in_as_the_therapist(page, live_server.url)

    page.goto(live_server.url + "/admin/articles/article/add/")
    page.get_by_label("Title").press_sequentially("Small steps toward trust")
    expect(page.get_by_label("Slug")).to_have_value("small-steps-toward-trust")
    page.get_by_label("Author").select_option(label="Shikha")
    page.get_by_label("Summary").fill("Trust grows from small, repeated moments.")
    page.get_by_label("Body").fill("## Where trust begins\n\nWith **small** moments.")
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")

    # Not public yet.
    visitor = page.context.browser.new_page()
    response = visitor.goto(live_server.url + "/articles/small-steps-toward-trust/")
    assert response.status == 404
    visitor.close()

    with page.context.expect_page() as preview_info:
        page.get_by_role("link", name="Preview this article").click()
    preview = preview_info.value
    expect(preview.get_by_role("status")).to_contain_text("Preview: not published.")
    expect(
        preview.get_by_role("heading", level=2, name="Where trust begins")
    ).to_be_visible()
    preview.close()

    page.get_by_role("button", name="Publish now").click()
    expect(page.locator(".messagelist")).to_contain_text("is published")

    visitor = page.context.browser.new_page()
    visitor.goto(live_server.url + "/articles/")
    visitor.get_by_role("link", name="Small steps toward trust").click()
    expect(visitor).to_have_url(re.compile(r"/articles/small-steps-toward-trust/$"))
    expect(visitor.get_by_role("status")).to_have_count(0)
    feed = visitor.goto(live_server.url + "/articles/feed/")
    assert "Small steps toward trust" in feed.text()
    sitemap = visitor.goto(live_server.url + "/sitemap-articles.xml")
    assert "/articles/small-steps-toward-trust/" in sitemap.text()
    visitor.close()
