"""Fees before service: the page exists with its placeholders marked, and the FAQ's
insurance answer, the booking page, the home page and the footer lead to it."""

from __future__ import annotations

import pytest
from django.test import Client

from attachment.models import FAQEntry, Page

pytestmark = pytest.mark.django_db


def test_the_fees_page_covers_what_to_know_before_the_first_session(client: Client):
    response = client.get("/fees/")
    assert response.status_code == 200
    for heading in [
        "Sessions and fees",
        "Paying, and receipts for insurance",
        "Cancelling or moving a session",
        "Your first session",
        "Confidentiality and its limits",
        "This website and email are not watched for emergencies",
        "call or text 9-8-8",
    ]:
        assert heading in response.text, heading
    assert response.text.count('<mark class="placeholder">[TO FILL IN') >= 5


def test_her_own_words_replace_the_placeholders(client: Client):
    page = Page.objects.get(slug="fees")
    page.body = "## Sessions and fees\n\nA 50-minute session is $150."
    page.save()
    html = client.get("/fees/").text
    assert "A 50-minute session is $150." in html
    assert "TO FILL IN" not in html


def test_the_insurance_answer_the_booking_page_and_the_home_page_link_to_fees(
    client: Client,
):
    insurance = FAQEntry.objects.get(question__startswith="Is online therapy cheaper")
    assert "[Fees and what to expect](/fees/)" in insurance.answer
    assert '<a href="/fees/">Fees and what to expect</a>' in client.get("/faq/").text
    for url in ["/book/", "/"]:
        main = client.get(url).text.split("<footer")[0]
        assert '<a href="/fees/">Fees and what to expect</a>' in main, url


def test_the_fees_page_is_in_the_sitemap(client: Client):
    index = client.get("/sitemap.xml").text
    assert "/sitemap-pages.xml</loc>" in index  # the site's own pages' section
    assert "/fees/</loc>" in client.get("/sitemap-pages.xml").text


def test_an_edit_in_the_admin_drops_the_cached_page(client: Client):
    assert client.get("/fees/")["X-Cache"] == "miss"
    assert client.get("/fees/")["X-Cache"] == "hit"
    page = Page.objects.get(slug="fees")
    page.body = "Sessions are 50 minutes."
    page.save()
    response = client.get("/fees/")
    assert response["X-Cache"] == "miss"
    assert "Sessions are 50 minutes." in response.text
