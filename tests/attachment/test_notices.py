"""The admin's "Needs your attention" list names what only the practice can supply, and
each notice goes once she has supplied it."""

from __future__ import annotations

import pytest
from django.test import Client

from attachment.models import Page, Therapist
from quiz.models import QuestionnairePermission

pytestmark = pytest.mark.django_db

NUMBER = "CRPO registration number"
REGISTER = "so visitors can check the registration"
PERMISSION_ECR_R = "permission to use the ECR-R on"
PERMISSION_ECR_RS = "permission to use the ECR-RS on"
PLACEHOLDERS = "“Fees and what to expect” still has"
PRIVACY = "The privacy statement cannot yet name"
PRIVACY_CONFIRM = "“Privacy” still has 1 placeholder"


def admin_home(client: Client) -> str:
    return client.get("/admin/").content.decode()


def test_a_fresh_install_lists_everything_the_practice_must_supply(admin_client):
    page = admin_home(admin_client)
    assert "Needs you" in page
    for notice in (
        NUMBER, REGISTER, PERMISSION_ECR_R, PERMISSION_ECR_RS, PLACEHOLDERS, PRIVACY,
        PRIVACY_CONFIRM,
    ):  # fmt: skip
        assert notice in page, notice


def test_the_registration_notices_go_once_the_details_are_entered(admin_client):
    shikha = Therapist.objects.get(slug="shikha")
    assert f'href="/admin/attachment/therapist/{shikha.pk}/change/"' in admin_home(
        admin_client
    )
    shikha.registration_number = "12345"
    shikha.save()
    page = admin_home(admin_client)
    assert NUMBER not in page
    assert REGISTER in page
    shikha.register_name = "Shikha Example-Surname"
    shikha.register_url = "https://members.crpo.ca/registrant/12345"
    shikha.save()
    assert REGISTER not in admin_home(admin_client)


def test_the_placeholder_notice_counts_down_and_goes(admin_client):
    fees = Page.objects.get(slug="fees")
    count = len(fees.placeholders)
    assert count >= 5
    assert f"still has {count} placeholders" in admin_home(admin_client)
    fees.body = fees.body.replace(fees.placeholders[0], "$150", 1)
    fees.save()
    assert f"still has {count - 1} placeholders" in admin_home(admin_client)
    fees.body = "Sessions are 50 minutes and cost $150."
    fees.save()
    assert PLACEHOLDERS not in admin_home(admin_client)


def test_the_privacy_settings_notice_names_what_is_missing_and_goes_when_set(
    admin_client, settings
):
    settings.PRIVACY_HOSTING_PROVIDER = "Example Hosting Inc."
    page = admin_home(admin_client)
    assert "PRIVACY_HOSTING_PROVIDER" not in page
    assert "PRIVACY_EMAIL_PROVIDER, PRIVACY_DATA_LOCATION" in page
    settings.PRIVACY_EMAIL_PROVIDER = "Example Mail Ltd."
    settings.PRIVACY_DATA_LOCATION = "in Canada (Toronto)"
    settings.PRIVACY_LOG_RETENTION_DAYS = 14
    assert PRIVACY not in admin_home(admin_client)


def test_each_questionnaire_permission_notice_goes_once_recorded(admin_client):
    page = admin_home(admin_client)
    assert 'href="/admin/quiz/questionnairepermission/add/?instrument=ecr-r"' in page
    QuestionnairePermission.objects.create(
        instrument="ecr-r",
        granted_on="2027-01-15",
        granted_by="R. Chris Fraley",
        reference="Email of 15 January 2027, saved in the practice's records",
    )
    page = admin_home(admin_client)
    assert PERMISSION_ECR_R not in page
    assert PERMISSION_ECR_RS in page


def test_the_permission_form_opens_on_the_questionnaire_named(admin_client):
    response = admin_client.get(
        "/admin/quiz/questionnairepermission/add/?instrument=ecr-rs"
    )
    assert response.status_code == 200
    assert '<option value="ecr-rs" selected>' in response.content.decode()
