"""Steps that several browser journeys share, written as a person would do them."""

from __future__ import annotations

import re

from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

ADMIN_PASSWORD = "Quiet-harbour-morning-2024!"


def log_in_as_the_therapist(page: Page, base_url: str) -> None:
    User.objects.create_superuser("shikha", "info@thetherapeuticway.ca", ADMIN_PASSWORD)
    page.goto(base_url + "/admin/login/?next=/admin/")
    page.get_by_label("Username").fill("shikha")
    page.get_by_label("Password").fill(ADMIN_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Today", exact=True)).to_be_visible()


def answer_every_statement_with_the_keyboard(page: Page, count: int, key: str) -> None:
    """On a step page with focus on the first statement: answer each with a number key."""
    for number in range(1, count + 1):
        legend = page.locator("#quiz-step legend")
        expect(legend).to_contain_text(f"{number} of {count}")
        expect(legend).to_be_focused()
        page.keyboard.press("Tab")  # into the answers
        page.keyboard.press(key)  # a number key answers and moves on
    see_my_result_with_the_keyboard(page)


def see_my_result_with_the_keyboard(page: Page) -> None:
    """After the last statement: from the summary to the result page."""
    expect(
        page.get_by_role("heading", name="You have answered every statement")
    ).to_be_focused()
    page.keyboard.press("Tab")  # Back
    page.keyboard.press("Tab")  # See my result
    expect(page.get_by_role("button", name="See my result")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/quiz/result/[^/]+/$"))


def fill_in_booking_details(
    page: Page, name: str = "Alice Martin", email: str = "alice@example.org"
) -> None:
    page.get_by_label("Your name").fill(name)
    page.get_by_label("Email").fill(email)
    page.get_by_label("Phone number").fill("905 555 0101")
    page.get_by_label("I live in Ontario").check()
    page.get_by_label("I am 16 or older").check()
    page.get_by_label("I agree to the privacy statement").check()


def open_the_menu_if_it_is_folded(page: Page) -> None:
    """On a phone the page links sit behind the header's Menu; on a desktop they show."""
    toggle = page.locator(".site-header summary")
    if toggle.is_visible():
        toggle.click()
