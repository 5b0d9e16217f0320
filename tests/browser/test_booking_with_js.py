"""Booking in Chromium with JavaScript: the zone is detected, days load with htmx."""

from __future__ import annotations

import re

import pytest
from django.utils import timezone
from playwright.sync_api import Locator, Page, expect

from attachment.models import Therapist
from booking.models import Booking, OutgoingEmail
from booking.services import book_consult
from tests.browser.axe import axe_violations
from tests.browser.conftest import DESKTOP
from tests.browser.steps import fill_in_booking_details


@pytest.fixture
def browser_context_args(browser_context_args: dict) -> dict:
    return {**browser_context_args, "timezone_id": "America/Vancouver"}


pytestmark = pytest.mark.usefixtures("quick_forms")


def show_a_full_week(page: Page) -> None:
    """These tests run on the real date, and what is left of this week may be one free
    day or none; the next week holds all her days. By keyboard, as a visitor could."""
    page.get_by_role("link", name="Next week").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".day").nth(1)).to_be_visible()


def test_a_visitor_in_vancouver_books_in_pacific_time(page: Page, live_server):
    page.goto(live_server.url + "/book/")
    expect(page.get_by_label("Show times in")).to_have_value("America/Vancouver")
    # The zone is named once, by the list; the picker's times are in it.
    expect(page.locator("#picker")).not_to_contain_text("Pacific time")
    expect(page.get_by_role("button", name="Show times")).to_be_hidden()
    expect(page).to_have_url(re.compile(r"tz=America%2FVancouver|tz=America/Vancouver"))

    show_a_full_week(page)
    second_day = page.locator(".day").nth(1)
    second_day.click()
    expect(second_day).to_have_attribute("aria-current", "date")
    page.locator(".time").first.click()
    fill_in_booking_details(page)
    page.get_by_role("button", name="Book the consult").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Your consult is booked")
    expect(page.locator(".when")).to_contain_text("Pacific time (Vancouver)")
    expect(page.locator(".when")).to_contain_text("Eastern time (Toronto)")
    booking = Booking.objects.get()
    assert booking.visitor_time_zone == "America/Vancouver"


def tab_to(page: Page, target: Locator, most: int = 4) -> None:
    """Press Tab until the target has focus: a few presses at most, as a person would."""
    for _ in range(most):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    expect(target).to_be_focused()  # fails, saying where focus is instead


def test_a_visitor_books_with_the_keyboard_alone(page: Page, live_server):
    page.goto(live_server.url + "/book/?tz=America/Vancouver")
    show_a_full_week(page)
    second_day = page.locator(".day").nth(1)
    second_day.focus()
    page.keyboard.press("Enter")
    # The day's times replace the link that had focus: focus moves on to them.
    times = page.locator("#picker .times legend")
    expect(times).to_be_focused()
    expect(second_day).to_have_attribute("aria-current", "date")
    first_time = page.locator(".time input").first
    tab_to(page, first_time, most=1)
    page.keyboard.press("Space")
    expect(first_time).to_be_checked()
    for label, text in [
        ("Your name", "Kai Moreau"),
        ("Email", "kai@example.org"),
        ("Phone number", "905 555 0104"),
    ]:
        tab_to(page, page.get_by_label(label))
        page.keyboard.type(text)
    for label in (
        "I live in Ontario",
        "I am 16 or older",
        "I agree to the privacy statement",
    ):
        tab_to(page, page.get_by_label(label))
        page.keyboard.press("Space")
    tab_to(page, page.get_by_role("button", name="Book the consult"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your consult is booked")
    assert Booking.objects.get().email == "kai@example.org"


def test_a_second_visitor_who_lost_the_race_sees_the_nearest_free_times(
    page: Page, live_server
):
    page.goto(live_server.url + "/book/?tz=America/Vancouver")
    first_time = page.locator(".time input").first
    chosen = first_time.get_attribute("value")
    first_time.check()
    fill_in_booking_details(page, "Bea Chen")

    # Someone else books the same time while this page is open.
    book_consult(
        therapist=Therapist.objects.get(slug="shikha"),
        starts_at=timezone.datetime.fromisoformat(chosen),
        name="Quick Person", email="quick@example.org", phone="905 555 0199",
    )  # fmt: skip
    page.get_by_role("button", name="Book the consult").click()

    expect(page.get_by_role("alert").first).to_contain_text("is no longer free")
    expect(page.get_by_label("Your name")).to_have_value("Bea Chen")
    nearest = page.locator(".times").first.locator("input[name=slot]")
    expect(nearest).not_to_have_count(0)
    nearest.first.check()
    page.get_by_role("button", name="Book the consult").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your consult is booked")
    assert Booking.objects.filter(status="confirmed").count() == 2


def test_the_cancel_link_from_the_email_cancels_the_consult(
    page: Page, live_server, settings
):
    settings.SITE_URL = live_server.url
    page.goto(live_server.url + "/book/")
    # Wait for the times in the detected zone before choosing one.
    expect(page).to_have_url(re.compile(r"tz=America%2FVancouver|tz=America/Vancouver"))
    page.locator(".time").first.click()
    fill_in_booking_details(page)
    page.get_by_role("button", name="Book the consult").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your consult is booked")

    body = OutgoingEmail.objects.get(kind="confirmation").body_text
    cancel_link = re.search(r"To cancel: (\S+)", body)[1]
    assert cancel_link.startswith(live_server.url + "/book/cancel/")
    page.goto(cancel_link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Cancel your consult?")
    page.get_by_role("button", name="Yes, cancel the consult").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Your consult is cancelled"
    )
    booking = Booking.objects.get()
    assert booking.status == "cancelled"

    page.goto(cancel_link)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "This link no longer works"
    )


# Colour and structure do not depend on the window size: one size keeps it quick.
@pytest.mark.parametrize("viewport", [DESKTOP])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_booking_pages_pass_an_accessibility_audit(
    page: Page, live_server, scheme: str
):
    page.emulate_media(color_scheme=scheme)
    page.goto(live_server.url + "/book/?tz=America/Vancouver")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Book the consult").click()  # the form with errors
    expect(page.locator("#form-errors")).to_be_visible()
    assert axe_violations(page) == []
    page.locator(".time").first.click()
    fill_in_booking_details(page, "Dee Park", "dee@example.org")
    page.get_by_role("button", name="Book the consult").click()
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text("Your consult is booked")
    assert axe_violations(page) == []
    # The pages behind the links in the confirmation and the email.
    confirmation = page.url
    page.get_by_role("link", name="Choose another time").click()
    expect(heading).to_have_text("Choose another time")
    assert axe_violations(page) == []
    page.goto(confirmation)
    page.get_by_role("link", name="Cancel the consult").click()
    expect(heading).to_have_text("Cancel your consult?")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Yes, cancel the consult").click()
    expect(heading).to_have_text("Your consult is cancelled")
    assert axe_violations(page) == []
    page.goto(confirmation)
    expect(heading).to_have_text("This link no longer works")
    assert axe_violations(page) == []


# Colour and structure do not depend on the window size: one size keeps it quick.
@pytest.mark.parametrize("viewport", [DESKTOP])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_pages_that_say_no_pass_an_accessibility_audit(
    page: Page, live_server, settings, scheme: str
):
    page.emulate_media(color_scheme=scheme)
    heading = page.get_by_role("heading", level=1)
    # Someone outside Ontario: a kind explanation and where else to look.
    page.goto(live_server.url + "/book/?tz=America/Vancouver")
    page.locator(".time").first.click()
    fill_in_booking_details(page, "Eli Grant")
    page.get_by_label("I live in Ontario").uncheck()
    page.get_by_role("button", name="Book the consult").click()
    expect(heading).to_have_text("Other places that can help")
    assert axe_violations(page) == []
    # A time taken meanwhile: the form again, with the nearest free times.
    page.goto(live_server.url + "/book/?tz=America/Vancouver")
    first_time = page.locator(".time input").first
    book_consult(
        therapist=Therapist.objects.get(slug="shikha"),
        starts_at=timezone.datetime.fromisoformat(first_time.get_attribute("value")),
        name="Quick Person", email="quick@example.org", phone="905 555 0199",
    )  # fmt: skip
    first_time.check()
    fill_in_booking_details(page, "Eli Grant")
    settings.BOOKING_RATE_LIMIT = (1, 3600)  # this try counts; the next is one too many
    page.get_by_role("button", name="Book the consult").click()
    expect(page.get_by_role("alert").first).to_contain_text("is no longer free")
    assert axe_violations(page) == []
    # Too many tries: the 429 page.
    page.locator(".times input[name=slot]").first.check()
    page.get_by_role("button", name="Book the consult").click()
    expect(heading).to_have_text("Please wait a moment")
    assert axe_violations(page) == []


def test_typed_details_never_reach_the_browsers_history_storage(
    page: Page, live_server
):
    page.goto(live_server.url + "/book/")
    page.locator(".time").first.click()
    fill_in_booking_details(page, email="alice.private@example.org")
    page.get_by_label("Phone number").fill("not a phone")
    page.get_by_role("button", name="Book the consult").click()
    expect(page.locator("#form-errors")).to_be_visible()  # the 400, details kept
    expect(page.get_by_label("Email")).to_have_value("alice.private@example.org")
    show_a_full_week(page)  # an htmx swap that pushes a history entry
    page.locator(".day").nth(1).click()  # and another
    expect(page.locator(".day").nth(1)).to_have_attribute("aria-current", "date")
    stored = page.evaluate(
        "() => Object.keys(sessionStorage).map(k => sessionStorage.getItem(k)).join('')"
        " + Object.keys(localStorage).map(k => localStorage.getItem(k)).join('')"
    )
    assert "alice.private" not in stored
