"""Writing with the page in view: a live preview and pictures inside the text."""

from __future__ import annotations

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image

from articles.models import ArticlePicture
from core.markdown import render_markdown

pytestmark = pytest.mark.django_db
HTMX = {"headers": {"HX-Request": "true"}}


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def png(width: int = 40, height: int = 20) -> SimpleUploadedFile:
    out = BytesIO()
    Image.new("RGB", (width, height), "teal").save(out, format="PNG")
    return SimpleUploadedFile("garden.png", out.getvalue(), content_type="image/png")


def test_the_preview_is_the_public_renderer_with_words_and_reading_time(
    admin_client: Client,
):
    body = "## Trust\n\nSmall *moments*. <script>alert(1)</script>"
    response = admin_client.post(
        reverse("admin:articles_article_preview"), {"body": body}, **HTMX
    )
    page = response.content.decode()
    assert response.status_code == 200 and "<html" not in page
    assert render_markdown(body) in page
    assert "<script>" not in page
    assert "3 words · about 1 minute to read" in page  # what visitors read: no "##"


def test_the_preview_says_why_a_text_is_too_long_instead_of_failing(
    admin_client: Client,
):
    response = admin_client.post(
        reverse("admin:articles_article_preview"), {"body": "word " * 5_000}, **HTMX
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "5000 words · about 25 minutes to read" in page
    assert "a page can hold at most 20000" in page


def test_only_the_admin_sees_a_preview(client: Client):
    response = client.post(reverse("admin:articles_article_preview"), {"body": "x"})
    assert response.status_code == 302


def test_the_preview_is_posted_not_fetched(admin_client: Client):
    response = admin_client.get(reverse("admin:articles_article_preview"))
    assert response.status_code == 405


def test_a_picture_is_uploaded_with_its_description_and_its_markdown_sent_back(
    admin_client: Client,
):
    response = admin_client.post(
        reverse("admin:articles_article_picture"),
        {"image": png(2400, 1200), "description": "A garden [at dawn]"},
        **HTMX,
    )
    assert response.status_code == 200
    picture = ArticlePicture.objects.get()
    assert (picture.width, picture.height) == (1600, 800)  # served resized, like covers
    assert picture.markdown == f"![A garden \\[at dawn\\]]({picture.image.url})"
    assert "picture-added" in response.headers["HX-Trigger"]
    rendered = render_markdown(picture.markdown)
    assert f'src="{picture.image.url}"' in rendered
    assert 'alt="A garden [at dawn]"' in rendered


def test_a_picture_without_a_description_is_refused(admin_client: Client):
    response = admin_client.post(
        reverse("admin:articles_article_picture"),
        {"image": png(), "description": "  "},
        **HTMX,
    )
    assert "Description: This field is required." in response.content.decode()
    assert not ArticlePicture.objects.exists()


def test_a_file_that_is_no_picture_is_refused(admin_client: Client):
    response = admin_client.post(
        reverse("admin:articles_article_picture"),
        {
            "image": SimpleUploadedFile("notes.png", b"not a picture"),
            "description": "Notes",
        },
        **HTMX,
    )
    assert "Picture:" in response.content.decode()
    assert not ArticlePicture.objects.exists()


def test_the_article_form_shows_the_editor_beside_the_markdown_box(
    admin_client: Client,
):
    page = admin_client.get(reverse("admin:articles_article_add")).content.decode()
    assert 'id="body-preview"' in page
    assert f'hx-post="{reverse("admin:articles_article_preview")}"' in page
    assert 'hx-trigger="input changed delay:400ms"' in page
    assert 'form="picture-form"' in page and 'id="picture-form"' in page
    assert "<script>" not in page  # scripts come from files only (the admin's CSP)
