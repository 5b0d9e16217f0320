"""Bugs the fuzzer found in other apps, reported to their owners and pinned here.

Each test is a strict xfail: it fails the run as soon as the bug is fixed, as a reminder
to drop the xfail and the matching entry in fuzz.KNOWN_ISSUES.
"""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def therapist_admin(admin_user) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(admin_user)
    return client


@pytest.mark.xfail(
    strict=True,
    reason="quiz/admin.py PracticeAdmin: slug is read-only, so every practice added "
    "in the admin gets slug '' and the second one breaks quiz_practice_slug_key",
)
def test_adding_a_second_practice_in_the_admin_is_not_a_server_error(therapist_admin):
    for name in ["Journaling", "Breathing"]:
        response = therapist_admin.post(
            "/admin/quiz/practice/add/", {"name": name, "text": "Try this."}
        )
        assert response.status_code < 500, name


@pytest.mark.xfail(
    strict=True,
    reason="articles/admin.py autocomplete_fields=['tags']: Django's autocomplete "
    "widget re-renders a rejected non-numeric tag id with a query that raises ValueError",
)
def test_a_made_up_tag_id_in_the_article_admin_is_not_a_server_error(
    therapist_admin,
):
    response = therapist_admin.post(
        "/admin/articles/article/add/", {"title": "T", "tags": "not-a-number"}
    )
    assert response.status_code < 500


@pytest.mark.xfail(
    strict=True,
    reason="Django's admin (response_action) filters by the posted ids without "
    "validating them: a made-up id in a bulk action is a ValueError. Staff-only, CSRF-"
    "protected; the fuzzer keeps _selected_action to the offered values.",
)
def test_a_made_up_id_in_an_admin_bulk_action_is_not_a_server_error(therapist_admin):
    response = therapist_admin.post(
        "/admin/articles/tag/",
        {"action": "delete_selected", "_selected_action": "not-a-number"},
    )
    assert response.status_code < 500
