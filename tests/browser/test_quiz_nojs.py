"""The short version without JavaScript: one accessible form, then the result."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, expect

from tests.browser.conftest import PHONE


def test_a_visitor_without_javascript_completes_the_ecr_rs(
    browser: Browser, live_server, viewport
):
    context = browser.new_context(java_script_enabled=False, viewport=viewport)
    page = context.new_page()
    page.goto(live_server.url + "/quiz/")
    page.get_by_role("link", name="Start the short version").click()
    expect(page).to_have_url(re.compile(r"/quiz/ecr-rs/$"))
    page.get_by_label("A close friend").check()  # who the statements are about
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(re.compile(r"/quiz/ecr-rs/\?about=friend$"))
    expect(page.locator("fieldset")).to_have_count(9)
    for number in range(1, 9):  # leave the last statement out at first
        page.locator(f"#item-{number}-6").check()  # 6: Agree
    page.get_by_role("button", name="See my result").click()
    expect(page.get_by_role("alert")).to_contain_text("Statement 9")
    expect(page.locator("#item-1-6")).to_be_checked()
    page.locator("#item-9-1").check()
    page.get_by_role("button", name="See my result").click()
    expect(page).to_have_url(re.compile(r"/quiz/result/[^/]+/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "in your relationship with your close friend"
    )
    link = page.get_by_label("Link to this result")
    expect(link).to_have_value(re.compile(r"/quiz/result/"))
    expect(page.get_by_role("button", name="Copy link")).to_be_hidden()
    if viewport == PHONE:
        page.screenshot(path="/tmp/quiz-result-nojs-phone.png", full_page=True)
    context.close()
