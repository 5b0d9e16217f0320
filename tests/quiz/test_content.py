"""The styles, practices and guidance the therapist edits, and the tally she reads."""

from __future__ import annotations

import importlib
import re
from datetime import date

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.test import Client

from quiz.models import Practice, ResultTally, Style, StyleGuidance
from quiz.results import make_result_token
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


@pytest.fixture
def therapist(client: Client) -> Client:
    client.force_login(
        User.objects.create_superuser("shikha-admin", "a@example.org", "pw 123 long")
    )
    return client


def _style_form(style: Style, orders: dict[StyleGuidance, int]) -> dict[str, str]:
    """What the Style change page posts: the style's texts and its practices' numbers."""
    data = {
        "name": style.name,
        "summary": style.summary,
        "description": style.description,
        "guidance-TOTAL_FORMS": str(len(orders)),
        "guidance-INITIAL_FORMS": str(len(orders)),
    }
    for index, (entry, order) in enumerate(orders.items()):
        data |= {
            f"guidance-{index}-id": str(entry.pk),
            f"guidance-{index}-order": str(order),
            f"guidance-{index}-steps": entry.steps,
        }
    return data


def test_the_therapist_reorders_a_styles_practices_by_swapping_two_numbers(
    therapist: Client,
):
    style = Style.objects.get(slug="dismissive-avoidant")
    first, second, *rest = style.guidance.select_related("practice")
    orders = {first: 2, second: 1} | {entry: entry.order for entry in rest}
    response = therapist.post(
        f"/admin/quiz/style/{style.pk}/change/", _style_form(style, orders)
    )
    assert response.status_code == 302
    token = make_result_token(
        instrument="ecr-r", anxiety=2.5, avoidance=5.83, taken_on=date(2026, 11, 27)
    )
    html = therapist.get(f"/quiz/result/{token}/").text
    shown = re.findall(r'<li class="quiz-practice">\s*<h3>([^<]+)</h3>', html)
    assert shown == [e.practice.name for e in [second, first, *rest]]


def test_two_practices_given_the_same_number_keep_the_practices_own_order():
    style = Style.objects.get(slug="secure")
    style.guidance.update(order=1)
    assert list(style.guidance.values_list("practice__pk", flat=True)) == sorted(
        Practice.objects.values_list("pk", flat=True)
    )


def test_each_style_keeps_all_five_practices_neither_fewer_nor_more(
    therapist: Client,
):
    style = Style.objects.get(slug="secure")
    page = therapist.get(f"/admin/quiz/style/{style.pk}/change/")
    formset = page.context["inline_admin_formsets"][0].formset
    assert (formset.min_num, formset.max_num, formset.can_delete) == (5, 5, False)
    entry = style.guidance.first()
    path = f"/admin/quiz/styleguidance/{entry.pk}"
    assert therapist.get(f"{path}/delete/").status_code == 403
    assert therapist.get("/admin/quiz/styleguidance/add/").status_code == 403
    alone = therapist.get(f"{path}/change/").text
    assert 'name="style"' not in alone and 'name="practice"' not in alone
