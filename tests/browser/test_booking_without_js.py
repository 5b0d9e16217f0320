"""Booking in Chromium with JavaScript switched off: plain links and a plain form."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from booking.models import Booking
from tests.browser.steps import fill_in_booking_details


@pytest.fixture
def browser_context_args(browser_context_args: dict) -> dict:
    return {
        **browser_context_args,
        "java_script_enabled": False,
        "timezone_id": "America/Vancouver",
    }


pytestmark = pytest.mark.usefixtures("quick_forms")


def test_a_visitor_without_javascript_picks_a_zone_a_day_and_a_time(
    page: Page, live_server
):
    page.goto(live_server.url + "/book/")
    # No script ran: the practice's zone until the visitor picks one.
    expect(page.get_by_label("Show times in")).to_have_value("America/Toronto")
    page.get_by_label("Show times in").select_option("America/Halifax")
    page.get_by_role("button", name="Show times").click()
    expect(page).to_have_url(re.compile(r"tz=America%2FHalifax"))

    page.locator(".day").last.click()
    expect(page.locator(".day").last).to_have_attribute("aria-current", "date")
    page.locator(".time").first.click()
    fill_in_booking_details(page, "Carol Singh", "carol@example.org")
    page.get_by_role("button", name="Book the consult").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Your consult is booked")
    expect(page.locator(".when")).to_contain_text("Atlantic time")
    assert Booking.objects.get().visitor_time_zone == "America/Halifax"


def test_a_visitor_without_javascript_sees_messages_beside_the_fields(
    page: Page, live_server
):
    page.goto(live_server.url + "/book/")
    page.get_by_role("button", name="Book the consult").click()
    expect(page.get_by_role("alert")).to_contain_text("Please check the form")
    expect(page.locator("#id_name_errors")).to_contain_text(
        "Please tell us what to call you."
    )
    assert Booking.objects.count() == 0
