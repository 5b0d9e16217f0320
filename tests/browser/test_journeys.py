"""The site's three people, each through a whole journey in Chromium.

Each journey runs at a phone and a desktop size, and the shared `page` fixture fails it
on any console error, CSP violation or broken resource on any page it touches.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from attachment.models import Therapist
from booking.models import Booking, OutgoingEmail, WeeklyHours
from booking.services import book_consult, free_slots_for
from quiz.results import make_result_token, result_path
from tests.browser.conftest import watch
from tests.browser.steps import (
    answer_every_statement_with_the_keyboard,
    fill_in_booking_details,
    log_in_as_the_therapist,
)


@pytest.fixture
def browser_context_args(browser_context_args: dict) -> dict:
    # The visitor lives in Vancouver: the site must show her times in Pacific time.
    return {**browser_context_args, "timezone_id": "America/Vancouver"}


@pytest.fixture(autouse=True)
def _site(settings, live_server):
    settings.BOOKING_MIN_SECONDS = 0  # the form's bot check wants 3 s of reading
    settings.SITE_URL = live_server.url  # links in emails point at this server


def test_a_visitor_takes_the_quiz_reads_an_article_books_and_cancels(
    page: Page, live_server
):
    page.goto(live_server.url + "/")
    page.locator("main").get_by_role("link", name="Take the attachment quiz").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    start = page.get_by_role("link", name="Start the full version")
    # With JavaScript the link leads to the statements one at a time (quiz.js sets it
    # once the page has loaded; a click before that opens the one-page form instead).
    expect(start).to_have_attribute("href", re.compile(r"\?item=1$"))
    start.focus()
    page.keyboard.press("Enter")
    page.locator("#quiz-step legend").focus()
    answer_every_statement_with_the_keyboard(page, 36, key="6")

    # Every statement answered 6: anxiety high; avoidance low (most of its items reversed).
    expect(page.get_by_role("heading", level=1)).to_have_text("Your two scores")
    expect(page.locator(".quiz-border")).to_contain_text(
        "nearest to the Anxious-preoccupied style"
    )
    chart = page.get_by_role(
        "img", name="Where your answers fall on the two dimensions"
    )
    expect(chart).to_be_visible()
    expect(page.get_by_text("This is not a diagnosis.")).to_be_visible()

    page.get_by_role(
        "link", name="How to create secure attachment in relationships?"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "How to create secure attachment in relationships?"
    )
    page.locator("main").get_by_role(
        "link", name="Book a free 20-minute consult"
    ).click()

    expect(page).to_have_url(re.compile(r"tz=America%2FVancouver|tz=America/Vancouver"))
    page.locator(".time").first.click()
    fill_in_booking_details(page, "Alice Martin", "alice@example.org")
    page.get_by_role("button", name="Book the consult").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your consult is booked")
    expect(page.locator(".when")).to_contain_text("Pacific time (Vancouver)")

    confirmation = OutgoingEmail.objects.get(
        kind="confirmation", to="alice@example.org"
    )
    page.goto(re.search(r"To cancel: (\S+)", confirmation.body_text)[1])
    page.get_by_role("button", name="Yes, cancel the consult").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Your consult is cancelled"
    )
    assert Booking.objects.get(email="alice@example.org").status == "cancelled"


def test_a_visitor_without_javascript_takes_the_short_quiz_and_books(
    browser: Browser, live_server, viewport
):
    context = browser.new_context(java_script_enabled=False, viewport=viewport)
    page = context.new_page()
    problems = watch(page)
    page.goto(live_server.url + "/quiz/")
    page.get_by_role("link", name="Start the short version").click()
    page.get_by_role(
        "button", name="Continue"
    ).click()  # about a partner, the first choice
    # locator.all() does not wait: let the questionnaire arrive before counting its statements.
    expect(page.locator("fieldset")).to_have_count(9)
    for fieldset in page.locator("fieldset").all():
        fieldset.get_by_label("Neutral/mixed").check()
    page.get_by_role("button", name="See my result").click()
    # Neutral everywhere: the centre, where no style is claimed, and a gentle note.
    expect(page.locator(".quiz-border")).to_contain_text("no one style describes them")
    expect(page.locator(".quiz-alike")).to_contain_text(
        "the same answer to every statement"
    )

    page.goto(live_server.url + "/book/?tz=America/Toronto")
    page.locator(".time input").first.check()
    fill_in_booking_details(page, "Noor Haddad", "noor@example.org")
    page.get_by_role("button", name="Book the consult").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your consult is booked")
    assert Booking.objects.filter(email="noor@example.org", status="confirmed").exists()
    context.close()
    assert problems == []


def test_the_therapist_runs_her_practice_from_the_admin(page: Page, live_server):
    shikha = Therapist.objects.get(slug="shikha")
    log_in_as_the_therapist(page, live_server.url)

    # A draft article, previewed, then scheduled for tomorrow.
    page.goto(live_server.url + "/admin/articles/article/add/")
    page.get_by_label("Title").press_sequentially("When reassurance is not enough")
    page.get_by_label("Author").select_option(label="Shikha")
    page.get_by_label("Summary").fill("On the worry that stays after a kind word.")
    page.get_by_label("Body").fill("## A familiar loop\n\nIt happens to many of us.")
    page.get_by_role("button", name="Save and continue editing").click()
    with page.context.expect_page() as preview_info:
        page.get_by_role("link", name="Preview this article").click()
    expect(preview_info.value.get_by_role("status")).to_contain_text("not published")
    preview_info.value.close()
    tomorrow = timezone.localdate() + timedelta(days=1)
    page.locator("#id_publish_at_0").fill(tomorrow.isoformat())
    page.locator("#id_publish_at_1").fill("09:00:00")
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("changed successfully")
    visitor = page.context.browser.new_page()
    assert (
        visitor.goto(
            live_server.url + "/articles/when-reassurance-is-not-enough/"
        ).status
        == 404
    )
    visitor.close()

    # Her own words on a result page.
    page.goto(live_server.url + "/admin/quiz/style/")
    page.get_by_role("link", name="Anxious-preoccupied").click()
    page.locator("textarea[name$='-steps']").first.fill(
        "Each morning, write one kind sentence to yourself."
    )
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("changed successfully")
    token = make_result_token(
        instrument="ecr-r", anxiety=5.5, avoidance=2.0, taken_on=date.today()
    )
    page.goto(live_server.url + result_path(token))
    expect(page.locator("details.quiz-steps")).to_have_count(5)  # .all() does not wait
    for summary in page.locator("details.quiz-steps summary").all():
        summary.click()  # the small steps are folded away at first
    expect(
        page.get_by_text("Each morning, write one kind sentence to yourself.")
    ).to_be_visible()

    # Saturday mornings added to her hours: the booking page follows.
    page.goto(live_server.url + "/book/?tz=America/Toronto")
    # The week view lists every day; only days with free times are links.
    expect(page.locator(".days a.day", has_text="Sat")).to_have_count(0)
    assert not WeeklyHours.objects.filter(therapist=shikha, weekday=5).exists()
    page.goto(live_server.url + f"/admin/attachment/therapist/{shikha.pk}/change/")
    # The inline's empty row comes right after the ranges she already has.
    new = page.locator("#id_weekly_hours-INITIAL_FORMS").get_attribute("value")
    page.locator(f"#id_weekly_hours-{new}-weekday").select_option(label="Saturday")
    page.locator(f"#id_weekly_hours-{new}-start").fill("10:00")
    page.locator(f"#id_weekly_hours-{new}-end").fill("12:00")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("changed successfully")
    page.goto(live_server.url + "/book/?tz=America/Toronto")
    expect(page.locator(".days a.day", has_text="Sat")).to_have_count(1)

    # A client's consult, found and cancelled; the client is told.
    booking = book_consult(
        therapist=shikha,
        starts_at=free_slots_for(shikha, now=timezone.now())[0],
        name="Ravi Patel",
        email="ravi@example.org",
        phone="905 555 0102",
    )
    page.goto(live_server.url + "/admin/booking/booking/")
    page.locator("#searchbar").fill("Ravi")
    page.locator("#searchbar").press("Enter")
    page.locator("input[name='_selected_action']").first.check()
    page.locator("select[name='action']").select_option(
        label="Cancel the selected consults and email the clients"
    )
    page.locator("button[name='index']").click()  # "Go"
    expect(page.locator(".messagelist")).to_contain_text("Cancelled 1 consult")
    booking.refresh_from_db()
    assert booking.status == "cancelled"
    assert OutgoingEmail.objects.filter(
        to="ravi@example.org", kind="cancelled"
    ).exists()
