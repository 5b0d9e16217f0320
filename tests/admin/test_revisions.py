"""Every change to her texts can be undone: who and when, a comparison, a restore."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
import reversion
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles.models import Article
from attachment.models import FAQEntry, Therapist
from booking.models import Booking, OutgoingEmail
from core.revisions import word_diff

pytestmark = pytest.mark.django_db


def article_form(article: Article, **changes) -> dict:
    data = {
        "title": article.title,
        "slug": article.slug,
        "author": article.author_id,
        "summary": article.summary,
        "body": article.body,
        "cover_alt": article.cover_alt,
        "publish_at_0": "",
        "publish_at_1": "",
    }
    if article.publish_at:
        local = timezone.localtime(article.publish_at)
        data["publish_at_0"] = local.strftime("%Y-%m-%d")
        data["publish_at_1"] = local.strftime("%H:%M:%S")
    return data | changes


@pytest.fixture
def article() -> Article:
    return Article.objects.create(
        title="Repair after a fight",
        slug="repair-after-a-fight",
        author=Therapist.objects.get(slug="shikha"),
        summary="How two people find each other again.",
        body="First words.",
        publish_at=timezone.now() - timedelta(days=1),
    )


def save(client: Client, article: Article, **changes) -> None:
    url = reverse("admin:articles_article_change", args=[article.pk])
    response = client.post(url, article_form(article, **changes))
    assert response.status_code == 302, response.content.decode()[:2000]
    article.refresh_from_db()


def test_each_save_keeps_a_version_with_who_and_when(admin_client, article):
    save(admin_client, article, body="Second words.")
    versions = Version.objects.get_for_object(article)
    # The text as it was before her first change here, then her change.
    assert [v.field_dict["body"] for v in versions] == ["Second words.", "First words."]
    assert versions[0].revision.user == User.objects.get(username="admin")
    page = admin_client.get(
        reverse("admin:articles_article_history", args=[article.pk])
    ).content.decode()
    assert "admin" in page and "Changed Body." in page
    assert "Restore this version…" in page


def test_two_versions_compare_word_by_word(admin_client, article):
    save(admin_client, article, body="Second <b>words</b>.")
    new, old = Version.objects.get_for_object(article)
    page = admin_client.get(
        reverse("admin:articles_article_compare", args=[article.pk]),
        {"old": old.pk, "new": new.pk},
    ).content.decode()
    assert "<del>First</del><ins>Second</ins>" in page
    assert "&lt;b&gt;words&lt;/b&gt;." in page  # her text is shown, never run
    assert "(no change)" in page  # the title and summary


def test_the_comparison_of_unknown_versions_is_not_found(admin_client, article):
    url = reverse("admin:articles_article_compare", args=[article.pk])
    assert admin_client.get(url, {"old": "x", "new": "1"}).status_code == 404
    assert admin_client.get(url, {"old": "999999", "new": "1"}).status_code == 404


def test_a_restore_brings_back_exactly_the_old_text_and_nothing_else(
    admin_client, article
):
    other = Article.objects.create(
        title="Another", slug="another", author=article.author, summary="s", body="b"
    )
    save(admin_client, article, title="Repair, rewritten", body="Second words.")
    first = Version.objects.get_for_object(article).last()
    # Later changes that are not her words: the address and the publishing time.
    later = timezone.now() + timedelta(days=3)
    Article.objects.filter(pk=article.pk).update(slug="repair", publish_at=later)
    restore_url = reverse("admin:articles_article_restore", args=[article.pk, first.pk])
    confirm = admin_client.get(restore_url).content.decode()
    assert "<del>Second</del><ins>First</ins>" in confirm
    response = admin_client.post(restore_url)
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.title, article.summary, article.body) == (
        "Repair after a fight",
        "How two people find each other again.",
        "First words.",
    )
    assert article.body_html == "<p>First words.</p>"
    assert article.slug == "repair" and article.publish_at == later
    other.refresh_from_db()
    assert (other.title, other.body) == ("Another", "b")
    # The restore is a version too, so it can itself be undone.
    assert (
        Version.objects.get_for_object(article)[0].field_dict["body"] == "First words."
    )


def test_a_restore_needs_a_post(admin_client, article):
    save(admin_client, article, body="Second words.")
    first = Version.objects.get_for_object(article).last()
    admin_client.get(
        reverse("admin:articles_article_restore", args=[article.pk, first.pk])
    )
    article.refresh_from_db()
    assert article.body == "Second words."


def test_faq_bio_and_practice_texts_are_versioned_too(admin_client):
    entry = FAQEntry.objects.first()
    url = reverse("admin:attachment_faqentry_change", args=[entry.pk])
    response = admin_client.post(
        url, {"question": entry.question, "answer": "New answer.", "order": entry.order}
    )
    assert response.status_code == 302
    assert [v.field_dict["answer"] for v in Version.objects.get_for_object(entry)][
        0
    ] == "New answer."


def test_consults_and_emails_are_never_versioned():
    assert not reversion.is_registered(Booking)
    assert not reversion.is_registered(OutgoingEmail)
    registered = {m._meta.label for m in reversion.get_registered_models()}
    assert registered == {
        "articles.Article",
        "attachment.FAQEntry",
        "attachment.Page",
        "attachment.PracticeDetails",
        "attachment.SafetyNote",
        "attachment.SupportService",
        "attachment.Therapist",
        "quiz.Practice",
        "quiz.Style",
        "quiz.StyleGuidance",
    }


def test_the_diff_escapes_both_sides():
    assert str(word_diff("<i>a</i>", "<script>b")) == (
        "<del>&lt;i&gt;a&lt;/i&gt;</del><ins>&lt;script&gt;b</ins>"
    )


def test_the_purge_leaves_no_client_in_the_history(admin_client, article):
    booking = Booking.objects.create(
        therapist=article.author,
        starts_at=timezone.now() - timedelta(days=120),
        ends_at=timezone.now() - timedelta(days=120) + timedelta(minutes=20),
        blocked_until=timezone.now() - timedelta(days=120) + timedelta(minutes=30),
        name="Quinn Private",
        email="quinn@example.org",
        phone="905 555 0199",
    )
    Booking.objects.filter(pk=booking.pk).update(
        created_at=timezone.now() - timedelta(days=120)
    )
    save(admin_client, article, body="Second words.")  # a version is written
    call_command("purge_personal_data", stdout=StringIO())
    assert not Booking.objects.filter(pk=booking.pk).exists()
    kept = " ".join(Version.objects.values_list("serialized_data", flat=True))
    assert "Quinn" not in kept and "quinn@example.org" not in kept
    assert Version.objects.filter(content_type__model="booking").count() == 0
