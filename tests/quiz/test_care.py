"""Duty of care on the quiz: a result honest about what it is, about one chosen
relationship when the questionnaire asks about one person, and texts that ask no one to
put up with harm."""

from __future__ import annotations

import importlib
import re
from datetime import date
from html import unescape

import pytest
from django.apps import apps
from django.core import signing
from django.test import Client

from quiz import scoring
from quiz.models import Practice, StyleGuidance
from quiz.results import make_result_token, read_result_token

DAY = date(2026, 11, 27)
REVIEW = importlib.import_module("quiz.migrations.0005_care_reviewed_practice_texts")


def text_of(response) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.text)))


def result_page(client: Client, **fields) -> str:
    fields = {
        "instrument": "ecr-r",
        "anxiety": 2.0,
        "avoidance": 2.0,
        "taken_on": DAY,
    } | fields
    return text_of(client.get(f"/quiz/result/{make_result_token(**fields)}/"))


# The border band, as plain functions.


@pytest.mark.parametrize(
    ("anxiety", "avoidance", "claims", "nearby"),
    [
        (4.0, 4.0, False, ["secure", "anxious-preoccupied", "dismissive-avoidant", "fearful-avoidant"]),
        (4.2, 3.8, False, ["anxious-preoccupied", "secure", "dismissive-avoidant", "fearful-avoidant"]),
        (4.5, 2.0, True, ["anxious-preoccupied", "secure"]),
        (2.0, 3.5, True, ["secure", "dismissive-avoidant"]),
        (2.0, 2.0, True, ["secure"]),
        (6.0, 5.0, True, ["fearful-avoidant"]),
    ],
)  # fmt: skip
def test_a_style_is_claimed_only_outside_the_centre_and_every_nearby_style_is_named(
    anxiety, avoidance, claims, nearby
):
    assert scoring.claims_style(anxiety, avoidance) is claims
    assert scoring.nearby_styles(anxiety, avoidance) == nearby


def test_identical_answers_are_noticed_and_varied_ones_are_not():
    assert scoring.answered_alike(dict.fromkeys(range(1, 10), 7))
    assert not scoring.answered_alike({1: 7, 2: 7, 3: 6})


# The result page.


@pytest.mark.django_db
def test_the_exact_centre_claims_no_style_and_names_all_four(client: Client):
    text = result_page(client, anxiety=4.0, avoidance=4.0)
    assert "Both your scores sit near the middle of the scale, so no one style" in text
    for name in [
        "Secure",
        "Anxious-preoccupied",
        "Dismissive-avoidant",
        "Fearful-avoidant",
    ]:
        assert name in text.split("may ring true in part")[0]
    assert "nearest to the" not in text
    assert "More about the Secure style" not in text  # no style described
    assert "4 is simply the middle of the answer scale, not a clinical line" in text
    assert "counts as raised" not in text


@pytest.mark.django_db
def test_the_result_leads_with_the_scores_and_says_not_a_diagnosis_beside_the_headline(
    client: Client,
):
    text = result_page(client, anxiety=2.5, avoidance=5.83)
    headline = text.index("Your two scores")
    assert text.index("This is not a diagnosis.") - headline < 40
    assert (
        headline
        < text.index("Anxiety 2.50 of 7")
        < text.index("If a relationship feels unsafe")
    )
    assert text.index("If a relationship feels unsafe") < text.index(
        "Which of the four styles"
    )
    assert "the scores matter more than the label" in text.lower()
    assert "can be built, in any relationship" not in text


@pytest.mark.django_db
def test_the_small_steps_fold_away(client: Client):
    html = client.get(
        f"/quiz/result/{make_result_token(instrument='ecr-r', anxiety=2, avoidance=2, taken_on=DAY)}/"
    ).text
    assert html.count('<details class="quiz-steps">') == 5
    assert html.count("<summary>Small steps you might try</summary>") == 5


@pytest.mark.django_db
def test_answering_the_same_everywhere_brings_a_gentle_note_and_still_the_result(
    client: Client,
):
    client.get("/quiz/ecr-rs/?about=friend")
    answers = {f"item-{n}": "7" for n in range(1, 10)}
    response = client.post("/quiz/ecr-rs/", answers)
    assert response.status_code == 303
    text = text_of(client.get(response["Location"]))
    assert "You gave the same answer to every statement" in text
    assert "these scores may not reflect you well" in text
    assert "Anxiety" in text and "of 7" in text  # the result is still shown
    varied = {f"item-{n}": str(1 + n % 7) for n in range(1, 10)}
    client.get("/quiz/ecr-rs/?about=friend")
    response = client.post("/quiz/ecr-rs/", varied)
    assert "same answer" not in text_of(client.get(response["Location"]))


# The ECR-RS: who the statements are about.


@pytest.mark.django_db
def test_the_ecr_rs_first_asks_who_the_statements_are_about_with_guidance(
    client: Client,
):
    response = client.get("/quiz/ecr-rs/")
    assert response.status_code == 200
    text = text_of(response)
    for choice in [
        "A romantic partner, now or most recently",
        "Your mother, or a mother-figure",
        "Your father, or a father-figure",
        "A close friend",
    ]:
        assert choice in text
    assert "If you do not have a partner now" in text
    assert "If you have never had a partner" in text
    assert 'name="item-1"' not in response.text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("about", "named", "instructions"),
    [
        ("partner", "with your partner", "about your romantic partner"),
        ("mother", "with your mother or mother-figure", "about your mother"),
        ("father", "with your father or father-figure", "about your father"),
        ("friend", "with your close friend", "about one close friend"),
    ],
)
def test_each_ecr_rs_result_names_its_relationship_and_no_other(
    client: Client, about, named, instructions
):
    page = client.get(f"/quiz/ecr-rs/?about={about}")
    assert instructions in text_of(page)
    # The statements themselves are exactly as published.
    assert "It helps to turn to this person in times of need." in page.text
    answers = {f"item-{n}": str(1 + n % 7) for n in range(1, 10)}
    response = client.post("/quiz/ecr-rs/", answers)
    assert response.status_code == 303
    token = response["Location"].split("/")[-2]
    assert read_result_token(token).about == about
    text = text_of(client.get(response["Location"]))
    assert f"in your relationship {named}" in text
    assert "the people you love" not in text
    assert (
        "Your scores describe only your relationship" in text or "no one style" in text
    )


@pytest.mark.django_db
def test_an_ecr_rs_result_cannot_be_altered_to_another_relationship(client: Client):
    token = make_result_token(
        instrument="ecr-rs", anxiety=2, avoidance=2, taken_on=DAY, about="mother"
    )
    payload = signing.loads(token, salt="quiz.result")
    assert payload["t"] == "mother"
    # Swapping the relationship inside the signed text breaks the signature.
    body, signature = token.rsplit(":", 1)
    forged_body = signing.b64_encode(
        signing.JSONSerializer().dumps(payload | {"t": "father"})
    ).decode()
    assert read_result_token(f"{forged_body}:{signature}") is None
    assert client.get(f"/quiz/result/{forged_body}:{signature}/").status_code == 404
    # A validly signed token with a relationship we do not know, or one on the ECR-R,
    # reads as nothing.
    for bad in [
        {"i": "ecr-rs", "x": 2, "v": 2, "d": "2026-11-27", "t": "boss"},
        {"i": "ecr-r", "x": 2, "v": 2, "d": "2026-11-27", "t": "mother"},
    ]:
        assert read_result_token(signing.dumps(bad, salt="quiz.result")) is None


def test_an_ecr_rs_link_from_before_the_choice_is_about_a_partner():
    old = signing.dumps(
        {"i": "ecr-rs", "x": 2, "v": 2, "d": "2026-11-27"},
        salt="quiz.result",
        compress=True,
    )
    assert read_result_token(old).about == "partner"


@pytest.mark.django_db
def test_one_statement_at_a_time_remembers_the_choice(client: Client):
    step = client.get("/quiz/ecr-rs/?about=father&item=1")
    assert "about your father" in text_of(step)
    for number in range(1, 10):
        client.post(
            "/quiz/ecr-rs/answer/", {"item": str(number), "answer": str(1 + number % 3)}
        )
    response = client.post("/quiz/ecr-rs/")
    assert read_result_token(response["Location"].split("/")[-2]).about == "father"


@pytest.mark.django_db
def test_scoring_without_a_choice_asks_for_it_and_keeps_the_answers(client: Client):
    answers = {f"item-{n}": "3" for n in range(1, 10)}
    response = client.post("/quiz/ecr-rs/", answers)
    assert response.status_code == 400
    assert "Please choose who your answers are about" in response.text
    again = client.get("/quiz/ecr-rs/?about=friend")
    assert len(re.findall(r'value="3"\s+checked', again.text)) == 9


# The reviewed texts.


def _shipped(slug: str) -> str:
    return REVIEW.PRACTICES[slug][0]


@pytest.mark.django_db
def test_the_review_updates_a_text_as_shipped_and_leaves_her_edits_alone():
    edited = "Be there for each other, in your own way. (Shikha's words.)"
    Practice.objects.filter(slug="trust").update(text=_shipped("trust"))
    Practice.objects.filter(slug="consistency").update(text=edited)
    shipped_steps, reviewed_steps = REVIEW.STEPS[("anxious-preoccupied", "empathy")]
    guidance = StyleGuidance.objects.filter(
        style__slug="anxious-preoccupied", practice__slug="empathy"
    )
    guidance.update(steps="\n".join(shipped_steps))
    REVIEW.forwards(apps, None)
    assert Practice.objects.get(slug="trust").text == REVIEW.PRACTICES["trust"][1]
    assert Practice.objects.get(slug="consistency").text == edited
    assert guidance.get().steps == "\n".join(reviewed_steps)
    REVIEW.backwards(apps, None)
    assert Practice.objects.get(slug="trust").text == _shipped("trust")
    assert Practice.objects.get(slug="consistency").text == edited


@pytest.mark.django_db
def test_a_fresh_site_has_the_reviewed_texts_and_still_five_practices():
    texts = " ".join(Practice.objects.values_list("text", flat=True))
    steps = " ".join(StyleGuidance.objects.values_list("steps", flat=True))
    assert Practice.objects.count() == 5
    assert "put your partner first" not in texts
    assert "accept influence" not in texts
    assert "try seeing it as their way of recharging, not a sign about you" not in steps
    assert "rather than as pressure" not in steps
    assert "when you feel safe with" in (texts + steps).lower()
