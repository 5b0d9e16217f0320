"""What a first visit downloads, and what a returning visitor does not download again."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

HTMX = b"/static/js/htmx.min.js"


@pytest.mark.parametrize("url", ["/", "/about/", "/faq/", "/articles/", "/quiz/"])
def test_a_public_page_is_revalidated_not_downloaded_again(url):
    client = Client()
    first = client.get(url)
    assert first.status_code == 200
    assert "no-cache" in first["Cache-Control"] and "private" in first["Cache-Control"]
    again = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    assert again.content == b""


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/about/",
        "/faq/",
        "/contact/",
        "/articles/how-to-create-secure-attachment-in-relationships/",
    ],
)
def test_pages_without_htmx_attributes_do_not_load_htmx(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert HTMX not in response.content
    assert b" hx-get" not in response.content and b" hx-post" not in response.content


@pytest.mark.parametrize("url", ["/articles/", "/quiz/", "/book/"])
def test_pages_that_use_htmx_load_it(client, url):
    assert HTMX in client.get(url).content
