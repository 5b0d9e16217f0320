"""A step the server refuses: the answer goes again as a plain form, and the quiz goes on."""

from __future__ import annotations

import re

from playwright.sync_api import BrowserContext, Route, expect

from tests.browser.conftest import watch


def test_a_refused_step_is_sent_again_as_a_plain_form_and_the_visitor_moves_on(
    context: BrowserContext, live_server
):
    # Not the usual `page` fixture: the 403 below is one this test causes on purpose, so
    # it checks that the refusal is all the browser reported, and nothing else went wrong.
    page = context.new_page()
    problems = watch(page)
    answer_url = live_server.url + "/quiz/ecr-rs/answer/"

    def refuse_htmx_steps(route: Route) -> None:
        if route.request.headers.get("hx-request") == "true":
            route.fulfill(status=403, content_type="text/html", body="<p>Refused</p>")
        else:
            route.continue_()

    page.route(answer_url, refuse_htmx_steps)
    page.goto(live_server.url + "/quiz/ecr-rs/?about=partner&item=1")
    page.get_by_text("Somewhat agree").click()
    expect(page.locator("#quiz-step legend")).to_contain_text("2 of 9")
    expect(page).to_have_url(re.compile(r"/quiz/ecr-rs/\?item=2$"))
    page.get_by_role("link", name="Back").click()
    expect(page.get_by_label("Somewhat agree")).to_be_checked()
    # The browser reported the refusal (the response and htmx's console line), no more.
    reported = sorted(problems)
    assert len(reported) == 2
    assert reported[0] == f"403 for POST {answer_url}"
    assert reported[1].startswith(
        "console error: Response Status Error Code 403 from /quiz/ecr-rs/answer/"
    )
