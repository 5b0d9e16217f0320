"""The styles, practices and guidance the therapist edits, and the tally she reads."""

from __future__ import annotations

import importlib
from datetime import date

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.test import Client

from quiz.models import Practice, ResultTally, Style, StyleGuidance
from quiz.services import count_result

pytestmark = pytest.mark.django_db
seed_migration = importlib.import_module(
    "quiz.migrations.0002_seed_styles_and_practices"
)


def test_every_fresh_database_has_four_styles_five_practices_and_twenty_pieces_of_guidance():
    assert sorted(Style.objects.values_list("slug", flat=True)) == sorted(
        Style.Slug.values
    )
    assert Practice.objects.count() == 5
    assert StyleGuidance.objects.count() == 20
    for style in Style.objects.all():
        assert sorted(style.guidance.values_list("order", flat=True)) == [1, 2, 3, 4, 5]


def test_seeding_again_changes_nothing_the_therapist_edited():
    Style.objects.filter(slug="secure").update(summary="Edited in the admin.")
    seed_migration.seed(apps, None)
    assert Style.objects.get(slug="secure").summary == "Edited in the admin."
    assert StyleGuidance.objects.count() == 20


def test_the_default_guidance_makes_no_promises():
    for entry in StyleGuidance.objects.all():
        text = entry.steps.lower()
        for word in ["cure", "guarantee", "will fix", "diagnos", "disorder"]:
            assert word not in text, (entry, word)


def test_the_tally_counts_up_one_row_per_instrument_style_and_month():
    for day in [date(2026, 11, 3), date(2026, 11, 28)]:
        count_result(instrument="ecr-r", style="secure", taken_on=day)
    count_result(instrument="ecr-r", style="secure", taken_on=date(2026, 12, 1))
    assert list(
        ResultTally.objects.order_by("month").values_list("month", "count")
    ) == [
        (date(2026, 11, 1), 2),
        (date(2026, 12, 1), 1),
    ]


def test_the_therapist_edits_texts_and_reads_the_tally_in_the_admin(client: Client):
    admin = User.objects.create_superuser(
        "shikha-admin", "a@example.org", "a long password 123"
    )
    client.force_login(admin)
    count_result(
        instrument="ecr-rs",
        style="fearful-avoidant",
        taken_on=date(2026, 11, 1),
    )
    tally = ResultTally.objects.get()
    assert client.get("/admin/quiz/style/").status_code == 200
    assert (
        client.get(f"/admin/quiz/style/{Style.objects.first().pk}/change/").status_code
        == 200
    )
    assert client.get("/admin/quiz/practice/").status_code == 200
    assert client.get("/admin/quiz/styleguidance/").status_code == 200
    listing = client.get("/admin/quiz/resulttally/")
    assert listing.status_code == 200 and "fearful-avoidant" in listing.text
    assert client.get("/admin/quiz/resulttally/add/").status_code == 403
    view = client.get(f"/admin/quiz/resulttally/{tally.pk}/change/")
    assert view.status_code == 200 and 'name="count"' not in view.text
