"""The result page and its signed link."""

from __future__ import annotations

import re
from datetime import date, timedelta
from html import unescape
from urllib.parse import urlencode

import pytest
import time_machine
from django.core import signing
from django.test import Client

from quiz.models import Style
from quiz.results import make_result_token, read_result_token, result_path

pytestmark = pytest.mark.django_db
DAY = date(2026, 11, 27)


def token(
    anxiety: float = 2.5, avoidance: float = 5.83, instrument: str = "ecr-r"
) -> str:
    return make_result_token(
        instrument=instrument, anxiety=anxiety, avoidance=avoidance, taken_on=DAY
    )


def test_a_token_carries_the_instrument_scores_and_date_and_nothing_else():
    value = make_result_token(
        instrument="ecr-rs", anxiety=3.4444, avoidance=2.1111, taken_on=DAY
    )
    result = read_result_token(value)
    assert (result.instrument, result.anxiety, result.avoidance, result.taken_on) == (
        "ecr-rs",
        3.44,
        2.11,
        DAY,
    )
    assert result.style == "secure"
    payload = signing.loads(value, salt="quiz.result")
    assert set(payload) == {"i", "x", "v", "d"}
    assert result_path(value) == f"/quiz/result/{value}/"


@pytest.mark.parametrize(
    "bad",
    [
        lambda t: t[:-3],  # truncated
        lambda t: t[:10],
        lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"),  # tampered signature
        lambda t: "nonsense",
        lambda t: "",
        lambda t: signing.dumps(
            {"i": "ecr-r", "x": 2, "v": 2, "d": "2026-11-27"}, salt="other"
        ),
        lambda t: signing.dumps(
            {"i": "ecr-x", "x": 2, "v": 2, "d": "2026-11-27"}, salt="quiz.result"
        ),
        lambda t: signing.dumps(
            {"i": "ecr-r", "x": 9, "v": 2, "d": "2026-11-27"}, salt="quiz.result"
        ),
        lambda t: signing.dumps(
            {"i": "ecr-r", "x": "a", "v": 2, "d": "2026-11-27"}, salt="quiz.result"
        ),
        lambda t: signing.dumps(
            {"i": "ecr-r", "x": 2, "v": 2, "d": "yesterday"}, salt="quiz.result"
        ),
        lambda t: signing.dumps(["not", "a", "dict"], salt="quiz.result"),
    ],
    ids=[
        "truncated",
        "cut-short",
        "tampered",
        "nonsense",
        "empty",
        "other-salt",
        "unknown-instrument",
        "score-out-of-range",
        "score-not-a-number",
        "bad-date",
        "not-a-dict",
    ],
)
def test_a_tampered_or_truncated_link_reads_as_nothing_and_shows_a_friendly_404(
    client: Client, bad
):
    value = bad(token())
    assert read_result_token(value) is None
    if value:
        response = client.get(f"/quiz/result/{value}/")
        assert response.status_code == 404
        assert "We could not open this result" in response.text


def test_the_result_page_shows_the_style_the_scores_and_the_practices(client: Client):
    value = token()
    response = client.get(f"/quiz/result/{value}/")
    assert response.status_code == 200
    html = response.text
    text = unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))
    assert "Your scores are nearest to the Dismissive-avoidant style" in text
    assert "Anxiety 2.50 of 7" in text and "Avoidance 5.83 of 7" in text
    assert (
        "Below the midpoint of the scale" in text
        and "Above the midpoint of the scale" in text
    )
    assert "close to the border" not in text
    assert "This is not a diagnosis." in text
    assert "call or text 9-8-8" in text
    assert "Fraley, R. C., Waller, N. G., & Brennan, K. A. (2000)" in text
    assert f'href="/book/?{urlencode({"result": value})}"' in html
    assert f'value="http://testserver/quiz/result/{value}/" readonly' in html
    practices = re.findall(r'<li class="quiz-practice">\s*<h3>([^<]+)</h3>', html)
    assert practices == [
        "Emotional responsiveness",
        "Communication",
        "Empathy",
        "Trust",
        "Consistency",
    ]
    assert "try staying with them for a few minutes" in html


def test_the_result_page_is_private_and_not_indexed(client: Client):
    response = client.get(f"/quiz/result/{token()}/")
    assert "no-store" in response["Cache-Control"]
    assert '<meta name="robots" content="noindex">' in response.text


def test_the_chart_is_an_accessible_svg_with_the_same_facts_in_text(client: Client):
    html = client.get(f"/quiz/result/{token(anxiety=4.0, avoidance=1.0)}/").text
    svg = re.search(r"<svg.*?</svg>", html, re.S)[0]
    assert 'role="img"' in svg and 'aria-labelledby="chart-title chart-desc"' in svg
    assert '<title id="chart-title">' in svg and '<desc id="chart-desc">' in svg
    assert "style=" not in svg
    assert "Your point is at avoidance 1.00 and anxiety 4.00." in svg
    # Avoidance 1 sits on the left edge, anxiety 4 on the midline.
    assert '<circle class="point" cx="50.0" cy="155.0"' in svg
    for label in ["Secure", "Anxious-", "Dismissive-", "Fearful-"]:
        assert f">{label}" in svg


def test_the_chart_names_each_quarter_as_the_therapist_named_the_style(
    client: Client,
):
    Style.objects.filter(slug="secure").update(name="Settled")
    Style.objects.filter(slug="dismissive-avoidant").update(name="Self reliant")
    html = client.get(f"/quiz/result/{token(anxiety=2.0, avoidance=2.0)}/").text
    svg = re.sub(r"\s+", " ", re.search(r"<svg.*?</svg>", html, re.S)[0])
    assert (
        '<text class="quad-label" x="117.5" y="226" text-anchor="middle">Settled<'
        in svg
    )
    assert (
        '<text class="quad-label" x="252.5" y="226" text-anchor="middle">Self'
        '<tspan x="252.5" dy="1.2em">reliant</tspan></text>'
    ) in svg
    assert (
        "Settled at the lower left" in svg and "Self reliant at the lower right" in svg
    )


def test_a_style_missing_from_the_database_keeps_its_usual_name_on_the_chart(
    client: Client,
):
    Style.objects.filter(slug="fearful-avoidant").delete()
    html = client.get(f"/quiz/result/{token(anxiety=2.0, avoidance=2.0)}/").text
    assert (
        '<text class="quad-label" x="252.5" y="91" text-anchor="middle">Fearful-'
        '<tspan x="252.5" dy="1.2em">avoidant</tspan></text>'
    ) in html


@pytest.mark.parametrize(
    ("anxiety", "avoidance", "note"),
    [
        (3.5, 2.0, "close to the border with the Anxious-preoccupied style"),
        (4.5, 2.0, "close to the border with the Secure style"),
        # Both scores in the band: no style is claimed, all four are named.
        (4.2, 3.8, "Both your scores sit near the middle of the scale"),
        (3.44, 2.0, None),
        (4.56, 2.0, None),
    ],
)
def test_the_border_note_appears_within_half_a_point_of_the_midpoint(
    client: Client, anxiety, avoidance, note
):
    text = re.sub(
        r"\s+", " ", client.get(f"/quiz/result/{token(anxiety, avoidance)}/").text
    )
    if note:
        assert note in text
    else:
        assert "close to the border" not in text


def test_every_style_orders_all_five_practices(client: Client):
    for anxiety, avoidance in [(2, 2), (6, 2), (2, 6), (6, 6)]:
        html = client.get(f"/quiz/result/{token(anxiety, avoidance)}/").text
        assert html.count('<li class="quiz-practice">') == 5


def test_a_result_page_is_kept_per_result_for_the_server_not_the_browser():
    first = Client().get(f"/quiz/result/{token()}/")
    with time_machine.travel(timedelta(seconds=5)):  # a new token, the same result
        again_token = token()
    assert again_token != token()
    again = Client().get(f"/quiz/result/{again_token}/")
    other = Client().get(f"/quiz/result/{token(anxiety=4.0)}/")
    assert (first["X-Cache"], again["X-Cache"], other["X-Cache"]) == (
        "miss",
        "hit",
        "miss",
    )
    assert "anxiety 2.50" in again.text and "anxiety 4.00" in other.text
    # Each visitor's own link to share and to book with, not the first visitor's.
    assert f"/quiz/result/{again_token}/" in again.text
    assert urlencode({"result": again_token}) in again.text
    assert "site-placeholder" not in again.text
    assert "no-store" in again["Cache-Control"]


def test_a_kept_result_page_shows_the_therapists_new_words_at_once():
    url = f"/quiz/result/{token()}/"
    assert "Dismissive-avoidant" in Client().get(url).text
    style = Style.objects.get(slug="dismissive-avoidant")
    style.name = "Keeping a safe distance"
    style.save()
    response = Client().get(url)
    assert response["X-Cache"] == "miss"
    assert "nearest to the Keeping a safe distance style" in response.text


def test_each_visitor_of_a_kept_result_page_gets_their_own_csrf_token():
    url = f"/quiz/result/{token()}/"
    first, second = Client(), Client()
    first.get(url)
    page = second.get(url)
    assert page["X-Cache"] == "hit"
    assert "site-placeholder" not in page.text
    if "csrftoken" in page.cookies:
        assert page.cookies["csrftoken"].value not in first.get(url).text
