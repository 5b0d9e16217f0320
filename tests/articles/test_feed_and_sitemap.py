"""The feed, the sitemap and robots.txt: well-formed, and only what is published."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from attachment.models import PracticeDetails

from .conftest import SEED_SLUG, make_article, make_draft, make_scheduled

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_the_feed_is_atom_listing_only_published_articles(client):
    make_article("Out now")
    make_draft("A draft")
    make_scheduled("Later")
    response = client.get("/articles/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    titles = [entry.find(f"{ATOM}title").text for entry in feed.iter(f"{ATOM}entry")]
    assert titles == ["Out now", "How to create secure attachment in relationships?"]
    links = [e.find(f"{ATOM}link").get("href") for e in feed.iter(f"{ATOM}entry")]
    assert links[0] == "http://127.0.0.1:8000/articles/out-now/"


def test_the_feed_is_titled_with_the_practices_name(client):
    practice = PracticeDetails.load()
    practice.name = "Harbour Counselling"
    practice.save()
    feed = ET.fromstring(client.get("/articles/feed/").content)
    assert feed.find(f"{ATOM}title").text == "Harbour Counselling: articles"


def test_the_feed_has_a_title_before_the_practices_details_are_filled_in(client):
    PracticeDetails.objects.all().delete()
    feed = ET.fromstring(client.get("/articles/feed/").content)
    assert feed.find(f"{ATOM}title").text == "The Therapeutic Way: articles"


def test_the_sitemap_lists_the_site_pages_and_only_published_articles(client):
    make_article("Out now")
    make_draft("A draft")
    make_scheduled("Later")
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    urls = {loc.text for loc in ET.fromstring(response.content).iter(f"{SITEMAP}loc")}
    base = "http://127.0.0.1:8000"
    for path in ["/", "/about/", "/faq/", "/contact/", "/privacy/", "/quiz/", "/book/"]:
        assert base + path in urls, path
    assert f"{base}/articles/out-now/" in urls
    assert f"{base}/articles/{SEED_SLUG}/" in urls
    assert f"{base}/articles/a-draft/" not in urls
    assert f"{base}/articles/later/" not in urls


def test_the_sitemap_uses_the_site_address_whatever_the_host(client, settings):
    settings.SITE_URL = "https://thetherapeuticway.ca"
    settings.ALLOWED_HOSTS = ["testserver"]
    body = client.get("/sitemap.xml").text
    assert "<loc>https://thetherapeuticway.ca/about/</loc>" in body
    assert "testserver" not in body


def test_robots_txt_allows_all_but_the_admin_and_quiz_results_and_names_the_sitemap(
    client, settings
):
    settings.SITE_URL = "https://thetherapeuticway.ca"
    settings.ALLOWED_HOSTS = ["testserver"]
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.text.splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /quiz/result/" in lines
    assert "Sitemap: https://thetherapeuticway.ca/sitemap.xml" in lines


def test_the_feed_sends_each_summary_as_the_plain_text_it_is(client):
    make_article("Out now", summary="When <you> & I argue")
    feed = ET.fromstring(client.get("/articles/feed/").content)
    summaries = [entry.find(f"{ATOM}summary") for entry in feed.iter(f"{ATOM}entry")]
    assert summaries[0].get("type") == "text"
    assert summaries[0].text == "When <you> & I argue"
    assert all(summary.get("type") == "text" for summary in summaries)
