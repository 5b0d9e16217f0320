"""The site's own pages: each one answers, and says what a visitor came for."""

from __future__ import annotations

import json
import re

import pytest
from django.db import connection
from django.test import Client

pytestmark = pytest.mark.django_db


def test_the_home_page_invites_to_the_quiz_and_a_free_consult(client: Client):
    response = client.get("/")
    assert response.status_code == 200
    assert b'href="/quiz/"' in response.content
    assert b'href="/book/"' in response.content
    assert "Relational trauma" in response.text


def test_every_page_shows_the_crisis_line_and_contact_details(client: Client):
    for url in ["/", "/about/", "/faq/", "/contact/", "/privacy/"]:
        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", client.get(url).text))
        assert (
            "If you are in crisis, call or text 9-8-8 (Suicide Crisis Helpline), or call 911."
            in text
        ), url
        assert "info@thetherapeuticway.ca" in text, url
        assert "(289) 635-4660" in text, url
        assert "Mississauga, ON" in text, url


def test_the_about_page_introduces_the_therapist(client: Client):
    response = client.get("/about/")
    assert response.status_code == 200
    assert "Shikha, Registered Psychotherapist" in response.text
    assert "College of Registered Psychotherapists of Ontario" in response.text
    assert "narcissistic abuse" in response.text


def test_the_faq_lists_six_questions_and_compares_the_professions_in_a_table(
    client: Client,
):
    response = client.get("/faq/")
    assert response.status_code == 200
    assert response.text.count('<section class="faq"') == 6
    assert "Is online therapy as effective as in-person therapy?" in response.text
    assert '<table role="table">' in response.text
    assert '<th role="columnheader">Psychiatrist</th>' in response.text
    # Stacked on a phone, each cell says which column it is in.
    assert '<td data-label="Psychiatrist" role="cell">Yes</td>' in response.text


def test_the_faq_carries_faqpage_structured_data(client: Client):
    html = client.get("/faq/").text
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(block[1])
    assert data["@type"] == "FAQPage"
    assert len(data["mainEntity"]) == 6


def test_the_home_page_describes_the_practice_as_structured_data(client: Client):
    html = client.get("/").text
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(block[1])
    assert data["@type"] == "ProfessionalService"
    assert data["email"] == "info@thetherapeuticway.ca"
    assert data["telephone"] == "+12896354660"


def test_the_contact_page_gives_email_phone_and_areas(client: Client):
    response = client.get("/contact/")
    assert response.status_code == 200
    assert 'href="mailto:info@thetherapeuticway.ca"' in response.text
    assert 'href="tel:+12896354660"' in response.text


def test_the_privacy_page_states_the_retention_period(client: Client, settings):
    settings.PERSONAL_DATA_RETENTION_DAYS = 90
    response = client.get("/privacy/")
    assert response.status_code == 200
    assert "90 days after the consult" in response.text
    assert "never stored on our server" in response.text


def test_every_page_has_a_title_description_canonical_and_open_graph(client: Client):
    for url in ["/", "/about/", "/faq/", "/contact/", "/privacy/"]:
        html = client.get(url).text
        assert re.search(r"<title>[^<]+</title>", html), url
        assert re.search(r'<meta name="description" content="[^"]{20,}">', html), url
        assert f'<link rel="canonical" href="http://127.0.0.1:8000{url}">' in html, url
        assert '<meta property="og:title"' in html, url


def test_an_unknown_page_is_a_styled_404(client: Client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "We could not find that page" in response.text


def test_the_500_page_reveals_nothing_internal_and_needs_no_database():
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Something went wrong on our side" in html
    assert "Traceback" not in html


@pytest.mark.parametrize("template", ["404.html", "429.html", "500.html", "503.html"])
def test_every_error_page_shares_one_layout_with_ways_on_and_the_crisis_line(
    template: str,
):
    from django.template.loader import render_to_string

    html = render_to_string(template, {"retry_minutes": 2})  # no request, no database
    assert '<header class="site-header">' in html
    assert '<a href="mailto:info@thetherapeuticway.ca">' in html
    assert 'call or text <a href="tel:988">9-8-8</a>' in html
    assert '<a href="/book/">Book a free consult</a>' in html


def test_favicon_ico_is_an_icon(client: Client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert response.content[:4] == b"\x00\x00\x01\x00"  # the ICO signature


def test_healthz_answers_ok_without_setting_cookies(client: Client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response.json()["database"] == "ok"
    assert response.json()["calendars"] == "none"
    assert response.cookies == {}


def test_healthz_says_503_when_the_database_does_not_answer(
    client: Client, monkeypatch
):
    from django.db import OperationalError

    def broken_cursor(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "down"


def test_pages_answer_head_requests(client: Client):
    assert client.head("/").status_code == 200


def test_pages_refuse_a_post_politely(client: Client):
    assert client.post("/about/").status_code == 405
