"""Tampered admin forms get a clear answer, never a server error (found by the fuzzer)."""

from __future__ import annotations

import pytest
from django.test import Client

from quiz.models import Practice

pytestmark = pytest.mark.django_db


@pytest.fixture
def therapist_admin(admin_user) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(admin_user)
    return client


def test_the_five_practices_are_a_fixed_set_in_the_admin(therapist_admin):
    response = therapist_admin.post(
        "/admin/quiz/practice/add/", {"name": "Journaling", "text": "Try this."}
    )
    assert response.status_code == 403
    assert Practice.objects.count() == 5


def test_a_made_up_tag_id_in_the_article_admin_is_a_form_error(therapist_admin):
    response = therapist_admin.post(
        "/admin/articles/article/add/", {"title": "T", "tags": "not-a-number"}
    )
    assert response.status_code == 200
    assert "is not a valid value" in response.text


def test_a_made_up_id_in_an_admin_bulk_action_is_refused_plainly(therapist_admin):
    response = therapist_admin.post(
        "/admin/articles/tag/",
        {"action": "delete_selected", "_selected_action": "not-a-number"},
    )
    assert response.status_code == 400
    assert "could not be found" in response.text


def test_a_real_bulk_action_still_works(therapist_admin):
    from articles.models import Tag

    tag = Tag.objects.create(name="Spare", slug="spare")
    response = therapist_admin.post(
        "/admin/articles/tag/",
        {"action": "delete_selected", "_selected_action": str(tag.pk), "post": "yes"},
    )
    assert response.status_code == 302
    assert not Tag.objects.filter(pk=tag.pk).exists()


@pytest.mark.parametrize(
    "url",
    [
        "/admin/booking/booking/?status=%00",
        "/admin/booking/outgoingemail/?status=%00",
        "/admin/booking/outgoingemail/?kind=%00",
        "/admin/booking/booking/?q=a%00b",
        "/admin/booking/booking/?%00=1",
        "/admin/axes/accessattempt/?ip_address=%00",
        "/admin/autocomplete/?app_label=articles&model_name=article&field_name=tags&term=%00",
    ],
)
def test_a_nul_character_in_an_admin_address_is_refused_plainly(therapist_admin, url):
    response = therapist_admin.get(url)
    assert response.status_code == 400
    assert "cannot be used" in response.text


def test_a_nul_character_in_an_admin_form_is_refused_plainly(therapist_admin):
    response = therapist_admin.post(
        "/admin/articles/tag/add/", {"name": "Sp\x00are", "slug": "spare"}
    )
    assert response.status_code == 400
    assert "cannot be used" in response.text


@pytest.mark.parametrize("log", ["accessattempt", "accesslog", "accessfailurelog"])
@pytest.mark.parametrize(
    "query",
    [
        "ip_address=not-an-address",
        "ip_address__exact=1.2.3",
        "ip_address__gte=nope",
        "ip_address__in=127.0.0.1,nope",
    ],
)
def test_an_ip_filter_that_is_not_an_address_is_refused_plainly(
    therapist_admin, log, query
):
    response = therapist_admin.get(f"/admin/axes/{log}/?{query}")
    assert response.status_code == 400
    assert "not an IP address" in response.text


@pytest.mark.parametrize(
    "query",
    [
        "ip_address=127.0.0.1",
        "ip_address=::1",
        "ip_address__in=10.0.0.1,::1",
        "ip_address=",
    ],
)
def test_an_ip_filter_with_real_addresses_still_works(therapist_admin, query):
    response = therapist_admin.get(f"/admin/axes/accessattempt/?{query}")
    assert response.status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/admin/articles/article/?title__regex=(",  # a pattern PostgreSQL cannot read
        "/admin/axes/accessattempt/?ip_address__range=1,2",
    ],
)
def test_any_other_filter_the_database_cannot_use_is_refused_plainly(
    therapist_admin, url
):
    response = therapist_admin.get(url)
    assert response.status_code == 400
    assert "That filter could not be used" in response.text
