"""The home page's therapist card and its 'What we can help with' cards."""

from __future__ import annotations

import importlib
from io import BytesIO

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError
from django.test import Client
from PIL import Image

from attachment.models import PHOTO_MAX_WIDTH, PracticeDetails, Therapist

pytestmark = pytest.mark.django_db

sentences_migration = importlib.import_module(
    "attachment.migrations.0007_home_page_sentences"
)


def a_photo(width: int, height: int) -> SimpleUploadedFile:
    out = BytesIO()
    Image.new("RGB", (width, height), "#c8a98b").save(out, format="JPEG")
    return SimpleUploadedFile("shikha.jpg", out.getvalue(), content_type="image/jpeg")


def test_each_help_card_has_its_topic_and_one_sentence_from_the_practice():
    cards = PracticeDetails.objects.get().helps_with_cards
    assert [topic for topic, _ in cards] == [
        "Relationship issues",
        "Relational trauma",
        "Recovery from narcissistic abuse",
        "Attachment wounds from childhood or adulthood",
    ]
    assert all(sentence.endswith(".") for _, sentence in cards)


def test_a_topic_the_therapist_wrote_without_a_sentence_is_a_card_with_a_title_only():
    practice = PracticeDetails.objects.get()
    practice.helps_with = "Grief\nFamily: When home feels tense: we can talk."
    assert practice.helps_with_cards == [
        ("Grief", ""),
        ("Family", "When home feels tense: we can talk."),
    ]
    assert practice.helps_with_list == ["Grief", "Family"]


def test_the_sentences_migration_leaves_a_topic_she_edited_as_she_wrote_it():
    practice = PracticeDetails.objects.get()
    practice.helps_with = "Relational trauma: her own words\nCouples"
    practice.save()
    sentences_migration.add_sentences(apps, None)
    assert PracticeDetails.objects.get().helps_with == (
        "Relational trauma: her own words\nCouples"
    )


def test_the_home_page_shows_who_you_would_talk_to_with_a_consult_invitation(
    client: Client,
):
    html = client.get("/").text
    assert '<h2 id="therapist-name">Shikha</h2>' in html
    assert (
        '<p class="muted therapist-card__title">Registered Psychotherapist</p>' in html
    )
    assert "in a trauma-informed and holistic way" in html
    assert 'href="/book/">Book a free call with Shikha</a>' in html
    assert "<h3>Relational trauma</h3><p>When the people who should have kept" in html


def test_the_photo_is_shrunk_and_served_lazily_with_its_description(
    client: Client, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    shikha = Therapist.objects.get(slug="shikha")
    shikha.photo = a_photo(2000, 2400)
    shikha.photo_alt = "Shikha smiling, in a green sweater"
    shikha.full_clean()
    shikha.save()
    assert (shikha.photo_width, shikha.photo_height) == (PHOTO_MAX_WIDTH, 864)
    html = client.get("/").text
    assert f'alt="Shikha smiling, in a green sweater" width="{PHOTO_MAX_WIDTH}"' in html
    assert 'loading="lazy" decoding="async"' in html


def test_a_photo_needs_a_description(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    shikha = Therapist.objects.get(slug="shikha")
    shikha.photo = a_photo(400, 400)
    with pytest.raises(ValidationError) as refused:
        shikha.full_clean()
    assert "photo_alt" in refused.value.message_dict
    with pytest.raises(IntegrityError):
        shikha.save()
