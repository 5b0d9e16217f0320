"""The therapist's College registration is on every public page and in the structured
data once she has entered it, and is never made up before."""

from __future__ import annotations

import json
import re

import pytest
from django.test import Client

from attachment.models import Therapist

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = [
    "/",
    "/about/",
    "/faq/",
    "/contact/",
    "/privacy/",
    "/fees/",
    "/articles/",
    "/articles/how-to-create-secure-attachment-in-relationships/",
    "/quiz/",
    "/quiz/ecr-r/",
    "/book/",
    "/no-such-page/",
]
REGISTER = "https://members.crpo.ca/registrant/12345"


def footer(html: str) -> str:
    return html[html.index('<footer class="site-footer">') :]


def jsonld(html: str) -> dict:
    return json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    )


@pytest.fixture
def registered() -> Therapist:
    shikha = Therapist.objects.get(slug="shikha")
    shikha.register_name = "Shikha Example-Surname"
    shikha.registration_number = "12345"
    shikha.register_url = REGISTER
    shikha.save()
    return shikha


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_every_page_footer_names_the_title_number_and_register(
    client: Client, registered, url: str
):
    html = footer(client.get(url).text)
    assert (
        "Shikha Example-Surname, Registered Psychotherapist, CRPO registration no. 12345"
        in html
    )
    assert f'<a href="{REGISTER}" rel="noopener">' in html
    assert "https://www.crpo.ca/filing-a-complaint-about-a-member/" in html
    assert 'href="/fees/"' in html


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_without_a_number_the_footer_shows_the_title_and_no_number(
    client: Client, url: str
):
    html = footer(client.get(url).text)
    assert "Shikha, Registered Psychotherapist" in html
    assert "registration no." not in html
    # No register entry yet: the College's own site, not a made-up address.
    assert '<a href="https://www.crpo.ca/" rel="noopener">' in html


def test_the_qualifying_title_is_shown_as_the_college_names_it(client: Client):
    shikha = Therapist.objects.get(slug="shikha")
    shikha.title = Therapist.Title.RP_QUALIFYING
    shikha.save()
    assert "Registered Psychotherapist (Qualifying)" in footer(client.get("/").text)


def test_the_home_page_names_the_registration_beside_the_consult_invitation(
    client: Client, registered
):
    html = client.get("/").text
    invitation = html.index("Choose a time for a free consult")
    line = html.index("Your call is with", invitation)
    assert line - invitation < 400
    assert "CRPO registration no. 12345" in html[line : line + 300]


def test_the_about_page_and_the_author_card_name_the_registration(
    client: Client, registered
):
    about = client.get("/about/").text
    main = about[: about.index("<footer")]
    assert "CRPO registration no. 12345" in main
    article = client.get(
        "/articles/how-to-create-secure-attachment-in-relationships/"
    ).text
    card = article[article.index('class="author-card') :]
    assert "CRPO registration no. 12345" in card[: card.index("</aside>")]


def test_the_structured_data_carries_the_registration_once_set(
    client: Client, registered
):
    practice = jsonld(client.get("/").text)
    person = practice["employee"][0]
    assert person["name"] == "Shikha Example-Surname"
    assert person["jobTitle"] == "Registered Psychotherapist"
    assert person["hasCredential"]["identifier"] == "12345"
    assert person["hasCredential"]["recognizedBy"]["name"] == (
        "College of Registered Psychotherapists of Ontario"
    )
    assert person["sameAs"] == [REGISTER]
    about = jsonld(client.get("/about/").text)
    assert about["@graph"][0]["hasCredential"]["identifier"] == "12345"
    article = jsonld(
        client.get("/articles/how-to-create-secure-attachment-in-relationships/").text
    )
    assert article["author"]["hasCredential"]["identifier"] == "12345"


def test_the_structured_data_has_no_credential_before_the_number_is_set(
    client: Client,
):
    person = jsonld(client.get("/").text)["employee"][0]
    assert person["jobTitle"] == "Registered Psychotherapist"
    assert "hasCredential" not in person
    assert "sameAs" not in person


def test_the_registration_number_is_digits_only():
    from django.core.exceptions import ValidationError

    shikha = Therapist.objects.get(slug="shikha")
    shikha.registration_number = "RP-123"
    with pytest.raises(ValidationError) as error:
        shikha.full_clean()
    assert "registration_number" in error.value.message_dict
