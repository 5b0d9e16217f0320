"""The therapist's side: writing, previewing, scheduling and publishing in the admin."""

from __future__ import annotations

from datetime import timedelta
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from PIL import Image

from articles.models import Article
from attachment.models import Therapist

from .conftest import make_article, make_draft, make_scheduled

pytestmark = pytest.mark.django_db

SEED_TITLE = "How to create secure attachment in relationships?"


def form_data(**overrides) -> dict:
    return {
        "title": "Learning to trust again",
        "slug": "learning-to-trust-again",
        "author": Therapist.objects.get(slug="shikha").pk,
        "summary": "Small steps toward feeling safe with someone.",
        "body": "## Where to begin\n\nSlowly.",
        "cover_alt": "",
        "tags": [],
        "publish_at_0": "",
        "publish_at_1": "",
        **overrides,
    }


def png(width: int, height: int) -> SimpleUploadedFile:
    out = BytesIO()
    Image.new("RGB", (width, height), "#2f6b5b").save(out, format="PNG")
    return SimpleUploadedFile("cover.png", out.getvalue(), content_type="image/png")


def xpm(width: int, height: int) -> SimpleUploadedFile:
    """A picture Pillow can read but not write, and browsers cannot show."""
    row = '"' + "a" * width + '"'
    text = "\n".join(
        ["/* XPM */", "static char *cover[] = {", f'"{width} {height} 1 1",']
        + ['"a c #2f6b5b",']
        + [",\n".join([row] * height), "};"]
    )
    return SimpleUploadedFile("cover.xpm", text.encode(), content_type="image/x-xpm")


def tiff(width: int, height: int) -> SimpleUploadedFile:
    out = BytesIO()
    Image.new("RGB", (width, height), "#2f6b5b").save(out, format="TIFF")
    return SimpleUploadedFile("cover.tif", out.getvalue(), content_type="image/tiff")


def phone_photo(width: int, height: int) -> SimpleUploadedFile:
    """A JPEG as many phone cameras write it, which Pillow calls MPO."""
    frames = [Image.new("RGB", (width, height), "#2f6b5b") for _ in range(2)]
    out = BytesIO()
    frames[0].save(out, format="MPO", save_all=True, append_images=frames[1:])
    return SimpleUploadedFile("cover.jpg", out.getvalue(), content_type="image/jpeg")


def test_the_admin_lists_articles_with_their_status(staff_client):
    make_draft("My draft")
    make_article("My published")
    response = staff_client.get("/admin/articles/article/")
    assert response.status_code == 200
    assert "Draft" in response.text and "Published" in response.text


@pytest.mark.parametrize(
    ("status", "listed"),
    [
        ("draft", {"Secure draft"}),
        ("scheduled", {"Secure later"}),
        ("published", {"Secure now", SEED_TITLE}),
    ],
    ids=["draft", "scheduled", "published"],
)
def test_the_admin_filters_by_status_and_searches(staff_client, status, listed):
    make_draft("Secure draft")
    make_scheduled("Secure later")
    make_article("Secure now")
    make_article("Grief and loss")
    make_draft("A draft on grief")
    response = staff_client.get(f"/admin/articles/article/?status={status}&q=secure")
    assert response.status_code == 200
    assert {article.title for article in response.context["cl"].result_list} == listed


def test_saving_without_a_publish_time_keeps_a_draft(staff_client):
    response = staff_client.post("/admin/articles/article/add/", form_data())
    assert response.status_code == 302
    article = Article.objects.get(slug="learning-to-trust-again")
    assert article.status() == Article.Status.DRAFT
    assert article.body_html == "<h2>Where to begin</h2>\n<p>Slowly.</p>"


@pytest.mark.parametrize("slug", ["feed", "tag", "preview"])
def test_a_slug_kept_for_the_sites_own_pages_is_refused(staff_client, slug):
    response = staff_client.post(
        "/admin/articles/article/add/", form_data(title=slug.title(), slug=slug)
    )
    assert response.status_code == 200
    assert f"The site uses “{slug}” for its own pages under /articles/" in response.text
    assert not Article.objects.filter(slug=slug).exists()


def test_a_slug_that_only_starts_like_another_pages_address_is_fine(staff_client):
    response = staff_client.post(
        "/admin/articles/article/add/", form_data(slug="feedback-in-couples")
    )
    assert response.status_code == 302


def test_a_future_publish_time_schedules_the_article(staff_client):
    when = timezone.localtime() + timedelta(days=3)
    staff_client.post(
        "/admin/articles/article/add/",
        form_data(publish_at_0=when.date().isoformat(), publish_at_1="09:00:00"),
    )
    assert Article.objects.get(slug="learning-to-trust-again").status() == "scheduled"


def test_publish_now_on_the_change_page_publishes_the_draft(staff_client):
    draft = make_draft("Learning to trust again")
    page = staff_client.get(f"/admin/articles/article/{draft.pk}/change/")
    assert 'name="_publish"' in page.text
    assert f'href="/articles/preview/{draft.pk}/"' in page.text
    response = staff_client.post(
        f"/admin/articles/article/{draft.pk}/change/", form_data(_publish="Publish now")
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.is_published()


def test_the_publish_now_action_publishes_selected_drafts(staff_client):
    draft = make_draft()
    staff_client.post(
        "/admin/articles/article/",
        {"action": "publish_now", "_selected_action": [draft.pk]},
    )
    draft.refresh_from_db()
    assert draft.is_published()


def test_a_long_summary_is_saved_with_a_warning(staff_client):
    response = staff_client.post(
        "/admin/articles/article/add/", form_data(summary="x" * 200), follow=True
    )
    assert Article.objects.filter(slug="learning-to-trust-again").exists()
    assert "The summary is 200 characters long" in response.text


def test_a_cover_image_needs_a_description(staff_client):
    response = staff_client.post(
        "/admin/articles/article/add/", form_data(cover=png(10, 10))
    )
    assert response.status_code == 200
    assert "Please describe the picture" in response.text
    assert not Article.objects.filter(slug="learning-to-trust-again").exists()


def test_the_database_refuses_a_cover_without_a_description():
    article = make_article("Pictured")
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.filter(pk=article.pk).update(cover="articles/x.png")


def test_the_model_refuses_a_cover_without_a_description():
    article = Article(cover_alt=" ")
    article.cover.name = "articles/x.png"
    with pytest.raises(ValidationError):
        article.clean()


def test_a_large_cover_is_shrunk_and_served_with_its_size(
    staff_client, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    staff_client.post(
        "/admin/articles/article/add/",
        form_data(
            cover=png(3200, 1000),
            cover_alt="A green field",
            publish_at_0="2024-01-01",
            publish_at_1="09:00:00",
        ),
    )
    article = Article.objects.get(slug="learning-to-trust-again")
    assert (article.cover_width, article.cover_height) == (1600, 500)
    with Image.open(article.cover.path) as image:
        assert image.size == (1600, 500)
    html = staff_client.get(article.get_absolute_url()).text
    assert 'alt="A green field" width="1600" height="500" loading="lazy"' in html
    assert (
        '<meta property="og:image" content="http://127.0.0.1:8000/media/articles/'
        in html
    )


def test_a_small_cover_is_kept_as_it_is(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    article = make_article("Small picture")
    article.cover = png(800, 600)
    article.cover_alt = "A small picture"
    article.save()
    assert (article.cover_width, article.cover_height) == (800, 600)


@pytest.mark.parametrize(
    ("upload", "kind"),
    [
        pytest.param(xpm(2000, 2), "XPM", id="a wide XPM"),
        pytest.param(tiff(10, 10), "TIFF", id="a small TIFF"),
    ],
)
def test_a_picture_browsers_cannot_show_is_refused_with_a_way_forward(
    staff_client, settings, tmp_path, upload, kind
):
    settings.MEDIA_ROOT = tmp_path
    response = staff_client.post(
        "/admin/articles/article/add/",
        form_data(cover=upload, cover_alt="A green field"),
    )
    assert response.status_code == 200
    assert f"Web browsers can’t show this kind of picture ({kind})" in response.text
    assert "JPEG, PNG, WebP or GIF" in response.text
    assert not Article.objects.filter(slug="learning-to-trust-again").exists()


def test_a_large_phone_photo_is_accepted_and_shrunk(staff_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    response = staff_client.post(
        "/admin/articles/article/add/",
        form_data(cover=phone_photo(2000, 1000), cover_alt="A green field"),
    )
    assert response.status_code == 302
    article = Article.objects.get(slug="learning-to-trust-again")
    assert (article.cover_width, article.cover_height) == (1600, 800)


def test_a_body_longer_than_a_page_can_hold_is_refused_with_a_plain_message(
    staff_client,
):
    response = staff_client.post(
        "/admin/articles/article/add/", form_data(body="[x][" * 8000)
    )
    assert response.status_code == 200
    assert (
        "This is 32000 characters long; a page can hold at most 20000" in response.text
    )
    assert not Article.objects.filter(slug="learning-to-trust-again").exists()


def test_a_body_with_more_brackets_than_a_page_can_hold_is_refused_with_a_plain_message(
    staff_client,
):
    # Each "[" costs markdown-it-py about 250 Python steps, closed or not.
    response = staff_client.post(
        "/admin/articles/article/add/", form_data(body="[x] " * 1001)
    )
    assert response.status_code == 200
    assert "This has 1001 square brackets “[”; a page can hold at most 1000" in (
        response.text
    )
    assert not Article.objects.filter(slug="learning-to-trust-again").exists()


def test_brackets_that_never_close_save_as_plain_text(staff_client):
    response = staff_client.post(
        "/admin/articles/article/add/", form_data(body="[x][" * 20)
    )
    assert response.status_code == 302
    article = Article.objects.get(slug="learning-to-trust-again")
    assert article.body_html == "<p>" + "[x][" * 20 + "</p>"


def test_a_bracket_left_open_before_a_long_paragraph_is_refused_with_a_plain_message(
    staff_client,
):
    # markdown-it reads to the end of the paragraph for it, through every emphasis mark.
    body = "Before.\n\n![" + "*a" * 6000
    response = staff_client.post("/admin/articles/article/add/", form_data(body=body))
    assert response.status_code == 200
    assert "Some square brackets “[” or link addresses “](” here are never closed" in (
        response.text
    )


def test_a_text_full_of_quotation_marks_is_refused_with_a_plain_message(staff_client):
    response = staff_client.post(
        "/admin/articles/article/add/", form_data(body='"' * 3001)
    )
    assert response.status_code == 200
    assert "This has 3001 quotation marks and apostrophes" in response.text
