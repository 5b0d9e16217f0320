"""The site's pages are served whole from the cache, and a change in the admin shows at once."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client

from attachment.models import FAQEntry, PracticeDetails, Therapist
from core.cache import CONTENT

pytestmark = pytest.mark.django_db


def test_a_second_visit_is_served_from_the_cache(
    client: Client, django_assert_num_queries
):
    assert client.get("/faq/")["X-Cache"] == "miss"
    with django_assert_num_queries(0):
        response = client.get("/faq/")
    assert response["X-Cache"] == "hit"
    assert "Is online therapy as effective" in response.text


def test_editing_an_faq_answer_shows_at_once(client: Client):
    client.get("/faq/")
    entry = FAQEntry.objects.first()
    entry.question = "A question she just rewrote?"
    entry.save()
    assert "A question she just rewrote?" in client.get("/faq/").text


def test_editing_the_practice_details_shows_at_once_on_every_page(client: Client):
    for url in ["/", "/contact/"]:
        client.get(url)
    practice = PracticeDetails.objects.get()
    practice.phone = "(289) 555-0199"
    practice.save()
    for url in ["/", "/contact/"]:
        assert "(289) 555-0199" in client.get(url).text, url


def test_editing_the_bio_shows_at_once(client: Client):
    client.get("/about/")
    shikha = Therapist.objects.get(slug="shikha")
    shikha.bio = "A new first line of her bio."
    shikha.save()
    assert "A new first line of her bio." in client.get("/about/").text


def test_the_therapist_logged_in_always_sees_a_fresh_page(admin_client: Client):
    admin_client.get("/about/")
    assert "X-Cache" not in admin_client.get("/about/")


def test_a_cache_that_forgets_the_content_version_never_serves_an_older_page(
    client: Client,
):
    client.get("/faq/")  # cached under the first version
    entry = FAQEntry.objects.first()
    entry.question = "A question she just rewrote?"
    entry.save()  # a new version: the next visit renders again
    assert "A question she just rewrote?" in client.get("/faq/").text
    # A full cache dropped the version, as a file cache culls at random.
    cache.delete(CONTENT.key)
    assert "A question she just rewrote?" in client.get("/faq/").text
