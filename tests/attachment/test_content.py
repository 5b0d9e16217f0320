"""The practice's content arrives with `migrate`, and is never overwritten afterwards."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps
from django.core.management import call_command

from attachment.models import FAQEntry, PracticeDetails, Therapist

pytestmark = pytest.mark.django_db

content_migration = importlib.import_module(
    "attachment.migrations.0002_practice_content"
)


def test_a_fresh_database_has_the_practice_details():
    practice = PracticeDetails.objects.get()
    assert practice.name == "The Therapeutic Way"
    assert practice.email == "info@thetherapeuticway.ca"
    assert practice.phone == "(289) 635-4660"
    assert practice.service_area_list == [
        "Online, anywhere in Ontario", "Hamilton, ON", "Burlington, ON", "Oakville, ON",
        "Mississauga, ON", "Milton, ON",
    ]  # fmt: skip


def test_a_fresh_database_has_the_therapist_with_her_bio():
    shikha = Therapist.objects.get(slug="shikha")
    assert shikha.get_title_display() == "Registered Psychotherapist"
    assert shikha.registration_number == ""  # hers to enter: never made up
    assert "trauma-informed and holistic approaches" in shikha.bio_html
    assert shikha.accepting_consults


def test_a_fresh_database_has_the_six_faq_entries_in_order():
    questions = list(FAQEntry.objects.values_list("question", flat=True))
    assert len(questions) == 6
    assert questions[0] == "Is online therapy as effective as in-person therapy?"
    assert questions[-1].startswith("What is the difference between a psychotherapist")


def test_loading_the_content_again_changes_nothing_the_therapist_edited():
    practice = PracticeDetails.objects.get()
    practice.tagline = "Edited by Shikha"
    practice.save()
    FAQEntry.objects.filter(order=10).update(question="Her own question?")

    content_migration.load_content(apps, None)

    assert PracticeDetails.objects.get().tagline == "Edited by Shikha"
    assert FAQEntry.objects.count() == 6
    assert FAQEntry.objects.filter(question="Her own question?").exists()
    assert Therapist.objects.count() == 1


def test_there_is_only_ever_one_practice_record():
    PracticeDetails(
        name="Another",
        email="a@example.org",
        phone="1",
        service_areas="x",
        serves="y",
        helps_with="z",
    ).save()
    assert PracticeDetails.objects.count() == 1
    assert PracticeDetails.load().name == "Another"


def test_faq_answers_are_sanitised_markdown():
    entry = FAQEntry.objects.create(
        question="Q?",
        answer="Hello <script>alert(1)</script> [x](javascript:alert(1)) **bold**",
    )
    assert "<script" not in entry.answer_html
    assert "javascript:" not in entry.answer_html
    assert "<strong>bold</strong>" in entry.answer_html


def test_no_model_change_is_missing_a_migration():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)
