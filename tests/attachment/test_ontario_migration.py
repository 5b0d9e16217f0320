"""The data migration that corrects the FAQ changes only texts still as shipped."""

from __future__ import annotations

from importlib import import_module

import pytest
from django.apps import apps

from attachment.models import FAQEntry, PracticeDetails, Therapist

pytestmark = pytest.mark.django_db
migration = import_module("attachment.migrations.0004_ontario_content")
COLLEGE = "College of Psychologists and Behaviour Analysts of Ontario"


def professions() -> FAQEntry:
    return FAQEntry.objects.get(
        question__startswith="What is the difference between a psy"
    )


def test_a_fresh_install_has_the_corrected_faq():
    answers = " ".join(FAQEntry.objects.values_list("answer", flat=True))
    assert f"{COLLEGE} (its name since 1 July 2024)" in answers
    assert "College of Psychologists of Ontario" not in answers
    assert "we are registered psychotherapists" not in answers
    assert "your therapist is a Registered Psychotherapist" in answers
    assert "over the age of 16" not in answers
    assert "aged 16 or older" in answers
    assert "specialize" not in answers
    assert COLLEGE in professions().answer_html
    assert PracticeDetails.objects.get().serves.endswith("aged 16 or older")


def test_an_answer_the_therapist_edited_is_left_as_she_wrote_it():
    migration.backward(apps, None)  # the database as it was before this migration
    entry = professions()
    assert "College of Psychologists of Ontario" in entry.answer
    entry.answer += "\n\nI also offer walk-and-talk sessions in Hamilton."
    entry.save()
    edited = entry.answer
    migration.forward(apps, None)
    assert professions().answer == edited  # hers, untouched
    others = " ".join(FAQEntry.objects.values_list("answer", flat=True))
    assert "aged 16 or older" in others  # the unedited ones were corrected
    assert "[Fees and what to expect](/fees/)" in others


def test_an_edited_practice_line_and_credentials_are_left_alone():
    migration.backward(apps, None)
    practice = PracticeDetails.objects.get()
    practice.serves = "Adults and couples over the age of 18"
    practice.save()
    shikha = Therapist.objects.get(slug="shikha")
    assert shikha.credentials == "Registered Psychotherapist (CRPO)"
    shikha.credentials = "MA, Counselling Psychology"
    shikha.save()
    migration.forward(apps, None)
    assert (
        PracticeDetails.objects.get().serves == "Adults and couples over the age of 18"
    )
    assert (
        Therapist.objects.get(slug="shikha").credentials == "MA, Counselling Psychology"
    )


def test_running_it_again_changes_nothing():
    before = list(FAQEntry.objects.values_list("answer", flat=True))
    migration.forward(apps, None)
    assert list(FAQEntry.objects.values_list("answer", flat=True)) == before
