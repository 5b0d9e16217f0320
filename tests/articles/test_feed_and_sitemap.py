"""The feed, the sitemap and robots.txt: well-formed, and only what is published."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
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


def locs(response) -> list[str]:
    assert response.status_code == 200
    return [loc.text for loc in ET.fromstring(response.content).iter(f"{SITEMAP}loc")]


def sitemap_urls(client) -> set[str]:
    """Every address in every sitemap the index names, as a search engine reads them."""
    urls = set()
    for sitemap in locs(client.get("/sitemap.xml")):
        urls.update(
            locs(client.get(urlsplit(sitemap).path + "?" + urlsplit(sitemap).query))
        )
    return urls


def test_the_sitemap_lists_the_site_pages_and_only_published_articles(client):
    make_article("Out now")
    make_draft("A draft")
    make_scheduled("Later")
    urls = sitemap_urls(client)
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
    index = client.get("/sitemap.xml").text
    assert "<loc>https://thetherapeuticway.ca/sitemap-pages.xml</loc>" in index
    body = client.get("/sitemap-pages.xml").text
    assert "<loc>https://thetherapeuticway.ca/about/</loc>" in body
    assert "testserver" not in index + body


def make_many_articles(count: int) -> None:
    author = Article.objects.get(slug=SEED_SLUG).author
    Article.objects.bulk_create(
        Article(
            title=f"Bulk {n}",
            slug=f"bulk-{n}",
            author=author,
            summary="Short.",
            body="Text.",
            publish_at=timezone.now() - timedelta(days=n + 1),
        )
        for n in range(count)
    )


def test_articles_come_in_sitemap_pages_of_a_thousand_listed_in_the_index(client):
    make_many_articles(1_500)
    index = locs(client.get("/sitemap.xml"))
    articles = [url for url in index if "sitemap-articles" in url]
    assert [urlsplit(url).query for url in articles] == ["", "p=2"]
    assert len(locs(client.get("/sitemap-articles.xml"))) == 1_000
    assert len(locs(client.get("/sitemap-articles.xml?p=2"))) == 501  # + the seeded one
    assert client.get("/sitemap-articles.xml?p=3").status_code == 404
    assert client.get("/sitemap-nothing.xml").status_code == 404


def queries(url: str) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        assert Client().get(url).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize(
    "url", ["/sitemap.xml", "/sitemap-articles.xml", "/sitemap-pages.xml"]
)
def test_a_sitemap_page_makes_as_many_queries_with_1000_articles_as_with_10(url):
    make_many_articles(10)
    few = queries(url)
    Article.objects.filter(slug__startswith="bulk-").delete()
    make_many_articles(1_000)
    assert queries(url) == few


def test_sitemaps_come_from_the_cache_until_an_article_changes(client):
    article = make_article("Out now")
    for url in ("/sitemap.xml", "/sitemap-articles.xml"):
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url)["X-Cache"] == "hit"
        assert not captured.captured_queries
    article.title, article.slug = "Renamed", "renamed"
    article.save()
    assert "/articles/renamed/" in client.get("/sitemap-articles.xml").text


@pytest.mark.parametrize("url", ["/sitemap.xml", "/sitemap-articles.xml"])
def test_a_sitemap_asks_not_to_be_indexed_itself_fresh_or_from_the_cache(client, url):
    fresh, kept = client.get(url), client.get(url)
    assert (fresh["X-Cache"], kept["X-Cache"]) == ("miss", "hit")
    for response in (fresh, kept):
        assert response["X-Robots-Tag"] == "noindex, noodp, noarchive"


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


def test_the_seed_articles_dates_are_its_own_2023_ones_not_the_install_date(client):
    feed = ET.fromstring(client.get("/articles/feed/").content)
    assert feed.find(f"{ATOM}updated").text.startswith("2023-06-01")
    entry = next(feed.iter(f"{ATOM}entry"))
    assert entry.find(f"{ATOM}updated").text.startswith("2023-06-01")
    sitemap = ET.fromstring(client.get("/sitemap-articles.xml").content)
    lastmods = {
        url.find(f"{SITEMAP}loc").text: url.find(f"{SITEMAP}lastmod").text
        for url in sitemap.iter(f"{SITEMAP}url")
        if url.find(f"{SITEMAP}lastmod") is not None
    }
    assert lastmods[f"http://127.0.0.1:8000/articles/{SEED_SLUG}/"] == "2023-06-01"


def test_an_article_edited_after_publication_shows_the_edit_in_the_feed(client):
    article = make_article("Edited later")
    article.body += "\n\nOne more thought."
    article.save()
    feed = ET.fromstring(client.get("/articles/feed/").content)
    entry = next(feed.iter(f"{ATOM}entry"))
    assert entry.find(f"{ATOM}title").text == "Edited later"
    assert entry.find(f"{ATOM}updated").text == article.updated_at.isoformat()
