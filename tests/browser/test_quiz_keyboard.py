"""The full ECR-R in Chromium, with the keyboard alone, one statement at a time."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.browser.steps import see_my_result_with_the_keyboard


def answered_with_a_number_key(number: int) -> bool:
    return number % 3 == 0


# What the keyboard below answers: 5 with the number key on every third statement, and
# 3 (two arrows down from the first choice) on the others. By the published key, read by
# hand: anxiety is 18 items, 2 of them reversed, summing to 66 (66 / 18 = 3.67);
# avoidance is 18 items, 12 reversed, summing to 74 (74 / 18 = 4.11). Low anxiety with
# high avoidance is the dismissive-avoidant quarter.


def test_a_visitor_takes_the_full_ecr_r_with_the_keyboard_only_and_reads_the_result(
    page: Page, live_server
):
    page.goto(live_server.url + "/quiz/")
    start = page.get_by_role("link", name="Start the full version")
    # quiz.js points the link at the statements one at a time once the page has loaded.
    expect(start).to_have_attribute("href", re.compile(r"\?item=1$"))
    start.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/quiz/ecr-r/\?item=1$"))
    for number in range(1, 37):
        legend = page.locator("#quiz-step legend")
        expect(legend).to_contain_text(f"{number} of 36")
        if number > 1:
            # After each swap, focus is on the new statement.
            expect(legend).to_be_focused()
        else:
            legend.focus()
        page.keyboard.press("Tab")  # into the answers
        if answered_with_a_number_key(number):
            page.keyboard.press("5")  # a number key answers and moves on
        else:
            # Arrow keys choose without moving on; Enter moves on.
            for _ in range(2):
                page.keyboard.press("ArrowDown")
            expect(page.locator("#quiz-step")).to_contain_text(f"{number} of 36")
            page.keyboard.press("Enter")
        if number == 12:
            expect(page).to_have_url(re.compile(r"\?item=13$"))
    see_my_result_with_the_keyboard(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Your two scores")
    # 3.67 and 4.11 both lie within half a point of the middle: no style is claimed.
    expect(page.locator(".quiz-border")).to_contain_text(
        "Both your scores sit near the middle of the scale"
    )
    dimensions = page.locator(".quiz-scores dt")
    expect(dimensions.nth(0)).to_have_text("Anxiety 3.67 of 7")
    expect(dimensions.nth(1)).to_have_text("Avoidance 4.11 of 7")
    expect(
        page.get_by_role("img", name="Where your answers fall on the two dimensions")
    ).to_be_visible()
    expect(page.get_by_text("This is not a diagnosis.")).to_be_visible()
    expect(page.locator(".quiz-practice")).to_have_count(5)


def test_a_reload_in_the_middle_keeps_the_answers(page: Page, live_server):
    page.goto(live_server.url + "/quiz/ecr-rs/?about=partner&item=1")
    page.get_by_text("Somewhat agree").click()
    expect(page.locator("#quiz-step legend")).to_contain_text("2 of 9")
    page.reload()
    expect(page.locator("#quiz-step legend")).to_contain_text("2 of 9")
    page.get_by_role("link", name="Back").click()
    expect(page.locator("#quiz-step legend")).to_contain_text("1 of 9")
    expect(page.get_by_label("Somewhat agree")).to_be_checked()
