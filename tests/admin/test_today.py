"""The admin's home page, "Today": what needs her, the week's consults, the quiz's months."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from attachment.models import FAQEntry, Therapist
from booking.models import Booking, OutgoingEmail
from quiz.models import ResultTally
from tests.conftest import TORONTO

pytestmark = pytest.mark.django_db

# Wednesday morning in Toronto.
NOW = datetime(2026, 12, 2, 9, 0, tzinfo=TORONTO).astimezone(UTC)


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(NOW, tick=False):
        yield


def consult(starts_at: datetime, name: str = "Alice Martin", **fields) -> Booking:
    return Booking.objects.create(
        therapist=Therapist.objects.get(slug="shikha"),
        starts_at=starts_at,
        ends_at=starts_at + timedelta(minutes=10),
        blocked_until=starts_at + timedelta(minutes=10),
        name=name,
        email="alice@example.org",
        phone="905 555 0101",
        **fields,
    )


def many_consults(count: int) -> None:
    therapist = Therapist.objects.get(slug="shikha")
    start = NOW + timedelta(hours=1)
    Booking.objects.bulk_create(
        Booking(
            therapist=therapist,
            starts_at=start + timedelta(minutes=11 * i),
            ends_at=start + timedelta(minutes=11 * i + 10),
            blocked_until=start + timedelta(minutes=11 * i + 10),
            name=f"Client {i}",
            email=f"c{i}@example.org",
            phone="905 555 0101",
        )
        for i in range(count)
    )


def today(client: Client) -> str:
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    return response.content.decode()


def test_it_lists_this_weeks_consults_in_toronto_time_with_a_link(admin_client):
    booking = consult(datetime(2026, 12, 2, 14, 30, tzinfo=TORONTO), "Bea Lang")
    consult(datetime(2026, 12, 9, 9, 0, tzinfo=TORONTO), "Carl Next-Wednesday")
    consult(datetime(2026, 12, 10, 9, 0, tzinfo=TORONTO), "Dana Too-Far")
    consult(
        datetime(2026, 12, 3, 9, 0, tzinfo=TORONTO), "Eve Cancelled", status="cancelled"
    )
    page = today(admin_client)
    assert "Today, Wednesday, December 2" in page
    assert "2:30 p.m." in page and "Bea Lang" in page
    assert reverse("admin:booking_booking_change", args=[booking.pk]) in page
    assert "Carl Next-Wednesday" in page
    assert "Dana Too-Far" not in page
    assert "Eve Cancelled" not in page


def test_it_says_so_when_the_week_is_free(admin_client):
    assert "No consults booked today or in the next seven days." in today(admin_client)


def test_a_failed_email_needs_her(admin_client):
    OutgoingEmail.objects.create(
        kind="confirmation",
        to="nobody@example.org",
        subject="Your consult",
        body_text="…",
        status=OutgoingEmail.Status.FAILED,
        next_attempt_at=NOW,
    )
    page = today(admin_client)
    assert "Needs you" in page
    assert "1 email could not be sent in the last 30 days" in page
    assert reverse("admin:booking_outgoingemail_changelist") + "?status=failed" in page


def test_an_email_waiting_for_over_half_an_hour_needs_her_but_a_fresh_one_does_not(
    admin_client,
):
    with time_machine.travel(NOW - timedelta(minutes=45), tick=False):
        OutgoingEmail.objects.create(
            kind="confirmation", to="a@example.org", subject="s", body_text="b",
            next_attempt_at=NOW,
        )  # fmt: skip
    assert "1 email has been waiting to go out" in today(admin_client)
    OutgoingEmail.objects.update(created_at=NOW - timedelta(minutes=5))
    assert "waiting to go out" not in today(admin_client)


def test_an_article_scheduled_to_appear_is_listed(admin_client):
    article = Article.objects.create(
        title="Repair after a fight",
        slug="repair",
        author=Therapist.objects.get(slug="shikha"),
        summary="s",
        body="b",
        publish_at=NOW + timedelta(days=2),
    )
    page = today(admin_client)
    assert "“Repair after a fight” will appear on the site by itself on Friday" in page
    assert reverse("admin:articles_article_change", args=[article.pk]) in page


def test_a_text_still_holding_a_shipped_placeholder_needs_her(admin_client):
    entry = FAQEntry.objects.create(
        question="What does a session cost?",
        answer="A 50-minute session costs [to fill in: the fee].",
    )
    page = today(admin_client)
    assert "FAQ entry “What does a session cost?” still has words to fill in" in page
    assert reverse("admin:attachment_faqentry_change", args=[entry.pk]) in page


def test_the_quiz_results_show_by_style_for_this_month_and_the_months_before(
    admin_client,
):
    ResultTally.objects.create(
        instrument="ecr-r", style="secure", month=date(2026, 12, 1), count=7
    )
    ResultTally.objects.create(
        instrument="ecr-rs", style="secure", month=date(2026, 12, 1), count=2
    )
    ResultTally.objects.create(
        instrument="ecr-r", style="fearful-avoidant", month=date(2026, 11, 1), count=4
    )
    page = today(admin_client)
    assert 'role="img"' in page and "<svg" in page
    assert "December 2026" in page and "November 2026" in page
    # Both questionnaires together: 9 secure results this month, in the chart and table.
    assert '<text x="' in page and ">9</text>" in page
    assert "<td>9</td>" in page and "<td>4</td>" in page


def test_today_costs_the_same_queries_with_no_consults_and_with_1000(
    admin_client, django_assert_num_queries
):
    admin_client.get(reverse("admin:index"))  # the session and user, as on any visit
    with CaptureQueriesContext(connection) as empty_week:
        assert "Client 0" not in today(admin_client)
    # One query per notice source and per panel, plus the admin's own: a fixed number
    # that other features' sources add to, so it is measured rather than written here.
    assert len(empty_week) < 30
    many_consults(1_000)
    with django_assert_num_queries(len(empty_week)):
        assert "Client 0" in today(admin_client)


def test_a_busy_week_shows_the_first_consults_and_links_to_the_rest(admin_client):
    many_consults(200)
    page = today(admin_client)
    assert "Client 59" in page and "Client 60" not in page
    assert "More are booked than fit here." in page


def test_the_navigation_follows_her_work(admin_client):
    page = today(admin_client)
    order = [
        page.index(section)
        for section in [
            "Writing",
            "Quiz texts",
            "Consults and hours",
            "The practice",
            "Site security and mail",
        ]
    ]
    assert order == sorted(order)
    assert "Monthly quiz results" in page
    assert "Result tallys" not in page
    assert page.index("Outgoing emails") > page.index("Site security and mail")
    assert page.index("Login lockouts") > page.index("Site security and mail")


def test_an_apps_own_page_still_lists_that_app(admin_client):
    response = admin_client.get(reverse("admin:app_list", args=["quiz"]))
    assert response.status_code == 200
    assert "Monthly quiz results" in response.content.decode()


def test_someone_logged_out_is_sent_to_the_login_page(client: Client):
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert timezone.now() == NOW
