"""What a visitor types cannot pretend to be something else in the practice's emails:
no hidden characters or line breaks in names and phones, addresses that can receive
mail, and subjects that read as written."""

from __future__ import annotations

import pytest

from booking.models import Booking, OutgoingEmail

from .conftest import form_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock", "quick_forms")]

HIDDEN = {
    "a line break": "Eve\r\nBcc: attacker@evil.example",
    "a line separator": "Eve\u2028X-Injected: yes",
    "a paragraph separator": "Eve\u2029Hello",
    "a vertical tab": "Eve\x0bMallory",
    "a next-line character": "Eve\x85Mallory",
    "a right-to-left override": "Eve \u202eyllaM",
    "a byte-order mark": "\ufeffEve",
}


def booked(response) -> bool:
    return response.status_code == 303 and Booking.objects.exists()


@pytest.mark.parametrize("name", HIDDEN.values(), ids=HIDDEN.keys())
def test_a_name_with_a_hidden_character_or_line_break_is_refused_beside_the_field(
    client, name
):
    response = client.post("/book/", form_data(name=name))
    assert response.status_code == 400
    assert "this has an invisible character or a line break in it" in response.text
    assert not Booking.objects.exists()


def test_a_persian_name_with_a_zero_width_non_joiner_is_accepted(client):
    response = client.post("/book/", form_data(name="مهسا\u200cسادات"))
    assert booked(response)


@pytest.mark.parametrize(
    "phone",
    [
        "905\u2028555 0101",
        "905\x0b555 0101",
        "905\x85555 0101",
        "905\t555 0101",
        "905\u00a0555\u00a00101",  # no-break spaces
        "905\u2003555 0101",
    ],
)
def test_a_phone_takes_only_ordinary_spaces_between_its_digits(client, phone):
    response = client.post("/book/", form_data(phone=phone))
    assert response.status_code == 400
    assert "digits, spaces and + ( ) - only" in response.text


@pytest.mark.parametrize("phone", ["905 555 0101", "+1 (905) 555-0101", "905.555.0101"])
def test_ordinary_phone_numbers_are_accepted(client, phone):
    assert booked(client.post("/book/", form_data(phone=phone)))


def test_a_phone_far_too_long_is_refused_for_its_length_before_anything_reads_it(
    client,
):
    # The old pattern took 30 s on this; the length is now checked first, alone.
    response = client.post("/book/", form_data(phone="0" * 100_000 + "x"))
    assert response.status_code == 400
    assert "at most 40 characters (it has 100001)" in response.text
    assert "digits, spaces and + ( ) - only" not in response.text


def test_a_note_keeps_its_line_breaks(client):
    assert booked(client.post("/book/", form_data(note="Evenings.\r\nNot Mondays.")))
    assert Booking.objects.get().note.splitlines() == ["Evenings.", "Not Mondays."]


@pytest.mark.parametrize(
    "note", ["Fine\u2028Bcc: x@evil.example", "a\u202eb", "a\x1bb"]
)
def test_a_note_refuses_every_other_hidden_character(client, note):
    response = client.post("/book/", form_data(note=note))
    assert response.status_code == 400
    assert "this has an invisible character in it" in response.text


@pytest.mark.parametrize(
    "email",
    [
        "postmaster@localhost",
        "victim@[10.0.0.5]",
        '"\x0b\x1f;x=y"@example.org',
        '"alice"@example.org',
        "alice@printer.local",
        "alice@db.internal",
        "alice@nowhere.invalid",
        "alice@router.home.arpa",
        "alice@site.localhost",
        "alice@exam.test",
    ],
)
def test_an_address_that_cannot_receive_mail_is_refused_with_a_message_beside_it(
    client, email
):
    response = client.post("/book/", form_data(email=email))
    assert response.status_code == 400
    assert "Please" in response.text and "email address" in response.text
    assert not Booking.objects.exists()
    assert not OutgoingEmail.objects.exists()


def test_the_plain_message_says_why_a_local_address_is_refused(client):
    response = client.post("/book/", form_data(email="postmaster@localhost"))
    assert "this one cannot receive mail from us" in response.text


@pytest.mark.parametrize(
    "email",
    [
        "alice@example.org",
        "alice+consult@example.com",
        "alice@müller.de",
        "a.b@mail.ca",
    ],
)
def test_ordinary_addresses_are_accepted(client, email):
    assert booked(client.post("/book/", form_data(email=email)))


def test_subjects_read_as_written_without_html_escaping(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/book/", form_data(name='Jo "JJ" O\'Brien & co'))
    subject = OutgoingEmail.objects.get(kind="new-booking").subject
    assert subject.startswith('New consult: Jo "JJ" O\'Brien & co, ')
    assert "&quot;" not in subject and "&#x27;" not in subject
