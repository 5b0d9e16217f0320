"""Helplines, the note on safety, the quick exit and the privacy page's note on history."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from attachment.models import PracticeDetails, SafetyNote, SupportService
from quiz.results import make_result_token

pytestmark = pytest.mark.django_db


def result_url() -> str:
    token = make_result_token(
        instrument="ecr-r", anxiety=2, avoidance=2, taken_on=date(2026, 11, 27)
    )
    return f"/quiz/result/{token}/"


def test_each_shipped_service_says_where_its_numbers_were_checked():
    services = {s.name: s for s in SupportService.objects.all()}
    assert [s.name for s in SupportService.objects.all()] == [
        "Emergency services (police, fire, ambulance)",
        "9-8-8 Suicide Crisis Helpline",
        "Assaulted Women's Helpline",
        "Kids Help Phone",
    ]
    assert services["9-8-8 Suicide Crisis Helpline"].phone_uri == "988"
    assert services["Kids Help Phone"].phone_uri == "+18006686868"
    assert services["Kids Help Phone"].text == "text CONNECT to 686868"
    assert services["Assaulted Women's Helpline"].phone == "1-866-863-0511"
    assert all(service.verified_where for service in services.values())


def test_the_result_shows_the_note_on_safety_and_only_confirmed_numbers(client: Client):
    html = client.get(result_url()).text
    assert "If a relationship feels unsafe" in html
    assert "If someone in your life frightens you, controls you" in html
    assert 'href="tel:911"' in html and 'href="sms:988"' in html
    assert "1-866-863-0511" not in html  # not confirmed yet: not shown as fact
    helpline = SupportService.objects.get(name="Assaulted Women's Helpline")
    helpline.verified = True
    helpline.save()  # as the admin saves it
    assert 'href="tel:+18668630511">1-866-863-0511</a>' in client.get(result_url()).text


def test_she_can_rewrite_the_note_on_safety(client: Client):
    SafetyNote(text="Your safety matters most.\n\nCall us any time.").save()
    html = client.get(result_url()).text
    assert "<p>Your safety matters most.</p>" in html
    assert "If someone in your life frightens you" not in html


def test_numbers_to_confirm_wait_in_the_admin_and_leave_its_list_once_confirmed(
    admin_client: Client,
):
    home = admin_client.get("/admin/").content.decode()
    assert "To confirm: the numbers for Assaulted Women&#x27;s Helpline" in home
    assert "To confirm: the numbers for Kids Help Phone" in home
    changelist = admin_client.get("/admin/attachment/supportservice/").content.decode()
    assert "to confirm (not shown yet)" in changelist
    SupportService.objects.update(verified=True)
    assert "To confirm" not in admin_client.get("/admin/").content.decode()


def test_with_every_service_unticked_the_crisis_line_still_shows(client: Client):
    SupportService.objects.update(verified=False)
    html = client.get(result_url()).text
    assert 'href="tel:988"' in html and 'href="tel:911"' in html


@pytest.mark.parametrize(
    "url",
    ["/quiz/", "/quiz/ecr-r/", "/quiz/ecr-rs/", "/book/", "RESULT"],
)
def test_the_quiz_result_and_booking_pages_have_a_plain_quick_exit_link(
    client: Client, url, settings
):
    html = client.get(result_url() if url == "RESULT" else url).text
    assert (
        '<a class="quick-exit" href="https://www.google.ca/" rel="noreferrer" '
        "data-quick-exit>Leave this site</a>"
    ) in html
    assert '<script src="/static/js/quick-exit.js" defer></script>' in html
    # It comes right after the skip link, so it is the second thing a keyboard reaches.
    assert html.index("skip-link") < html.index("quick-exit") < html.index("<header")


def test_the_quick_exit_goes_where_the_setting_says(client: Client, settings):
    settings.QUICK_EXIT_URL = "https://weather.gc.ca/"
    assert 'href="https://weather.gc.ca/"' in client.get(result_url()).text


def test_the_privacy_page_explains_how_to_clear_history(client: Client):
    html = client.get("/privacy/").text
    assert 'id="clearing-history"' in html
    assert "Escape twice" in html and "incognito" in html


@pytest.mark.parametrize(
    ("typed", "dialled"),
    [
        ("289-635-4660", "+12896354660"),
        ("1-289-635-4660", "+12896354660"),
        ("+1 (800) 668-6868", "+18006686868"),
        ("9-8-8", "988"),
        ("911", "911"),
    ],
)
def test_the_practice_and_the_helplines_write_a_number_the_same_way(typed, dialled):
    assert PracticeDetails(phone=typed).phone_uri == dialled
    assert SupportService(phone=typed).phone_uri == dialled
