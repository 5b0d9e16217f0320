"""Taking the quiz over HTTP: the one-page form, the htmx steps, and what is (not) kept."""

from __future__ import annotations

import re

import pytest
from django.apps import apps
from django.core.cache import caches
from django.test import Client

from core.models import RateCount
from quiz.models import ResultTally

pytestmark = pytest.mark.django_db
HTMX = {"HX-Request": "true"}


@pytest.fixture(autouse=True)
def answering_about_a_partner(client: Client) -> None:
    """The ECR-RS first asks who its statements are about; these tests answer about a
    partner (tests/quiz/test_relationships.py is about the choice itself)."""
    client.get("/quiz/ecr-rs/?about=partner")


def all_answers(count: int, value: int = 4) -> dict[str, str]:
    return {f"item-{n}": str(value) for n in range(1, count + 1)}


def test_the_start_page_explains_the_quiz_and_offers_both_versions(client: Client):
    response = client.get("/quiz/")
    assert response.status_code == 200
    text = response.text
    assert "This is not a diagnosis" in text
    assert "We do not store your answers" in text
    assert "36 statements, about 10 minutes" in text
    assert "9 statements, about 3 minutes" in text
    assert 'href="/quiz/ecr-r/"' in text and 'href="/quiz/ecr-rs/"' in text
    assert "Fraley, R. C., Waller, N. G., &amp; Brennan, K. A. (2000)" in text


def test_without_htmx_the_questionnaire_is_one_accessible_form(client: Client):
    response = client.get("/quiz/ecr-r/")
    assert response.status_code == 200
    html = response.text
    assert html.count("<fieldset") == 36
    assert html.count("<legend") == 36
    assert html.count('type="radio"') == 36 * 7
    assert "I&#x27;m afraid that I will lose my partner&#x27;s love." in html
    for label in [
        "Strongly disagree",
        "Somewhat disagree",
        "Neutral/mixed",
        "Somewhat agree",
        "Strongly agree",
    ]:
        assert html.count(f'<span class="quiz-option__label">{label}</span>') == 36
    assert "Fraley, R. C., Waller, N. G." in html


def test_with_htmx_the_questionnaire_shows_one_statement_at_a_time(client: Client):
    response = client.get("/quiz/ecr-r/", headers=HTMX)
    assert response.status_code == 200
    assert "<html" not in response.text
    assert response.text.count("<fieldset") == 1
    assert "1 of 36" in response.text
    response = client.get("/quiz/ecr-r/?item=12", headers=HTMX)
    assert "12 of 36" in response.text
    assert "data-quiz-focus" in response.text
    assert 'href="/quiz/ecr-r/?item=11"' in response.text


def test_going_back_past_what_htmx_remembers_restores_the_whole_page(client: Client):
    restore = {**HTMX, "HX-History-Restore-Request": "true"}
    step = client.get("/quiz/ecr-rs/?item=3", headers=restore)
    assert "<html" in step.text and "3 of 9" in step.text
    assert "9-8-8" in step.text
    assert "<html" in client.get("/quiz/ecr-rs/", headers=restore).text


def test_answers_in_progress_are_kept_out_of_the_browsers_history_storage(
    client: Client,
):
    # htmx saves page snapshots (checked answers included) in localStorage, unless told.
    assert 'hx-history="false"' in client.get("/quiz/ecr-rs/?item=3").text


def test_a_step_url_also_works_as_a_plain_link(client: Client):
    response = client.get("/quiz/ecr-rs/?item=3")
    assert response.status_code == 200
    assert "<html" in response.text
    assert "3 of 9" in response.text
    assert 'action="/quiz/ecr-rs/answer/"' in response.text


def test_an_answer_moves_on_and_survives_a_reload(client: Client):
    response = client.post(
        "/quiz/ecr-rs/answer/", {"item": "1", "answer": "6"}, headers=HTMX
    )
    assert response.status_code == 200
    assert "2 of 9" in response.text
    assert response["HX-Push-Url"] == "/quiz/ecr-rs/?item=2"
    cookie = response.cookies["quiz_ecr_rs"]
    assert (
        cookie["httponly"]
        and cookie["samesite"] == "Lax"
        and cookie["path"] == "/quiz/"
    )
    assert cookie["max-age"] == 86400
    reloaded = client.get("/quiz/ecr-rs/?item=1")
    assert re.search(r'value="6"\s+checked', reloaded.text)


def test_without_javascript_a_step_answer_redirects_to_the_next_statement(
    client: Client,
):
    response = client.post("/quiz/ecr-rs/answer/", {"item": "9", "answer": "2"})
    assert response.status_code == 303
    assert response["Location"] == "/quiz/ecr-rs/?item=end"
    finish = client.get(response["Location"])
    assert "8 statements are still open" in finish.text


def test_steps_end_at_the_same_scoring_as_the_one_page_form(client: Client):
    for number in range(1, 10):
        client.post(
            "/quiz/ecr-rs/answer/", {"item": str(number), "answer": "4"}, headers=HTMX
        )
    finish = client.get("/quiz/ecr-rs/?item=end", headers=HTMX)
    assert "You have answered every statement" in finish.text
    response = client.post("/quiz/ecr-rs/")
    assert response.status_code == 303
    assert response["Location"].startswith("/quiz/result/")
    assert response.cookies["quiz_ecr_rs"]["max-age"] == 0  # deleted
    result = client.get(response["Location"])
    # All 4s: the exact centre, where no one style is nearer than another.
    assert "no one style describes them" in result.text


def test_a_complete_form_is_scored_counted_and_redirected_to_its_result(client: Client):
    response = client.post("/quiz/ecr-r/", all_answers(36, 6))
    assert response.status_code == 303
    tally = ResultTally.objects.get()
    assert (tally.instrument, tally.style, tally.count, tally.month.day) == (
        "ecr-r",
        "anxious-preoccupied",
        1,
        1,
    )
    client.post("/quiz/ecr-r/", all_answers(36, 6))
    tally.refresh_from_db()
    assert tally.count == 2


def test_an_htmx_submission_is_redirected_by_htmx(client: Client):
    response = client.post("/quiz/ecr-rs/", all_answers(9), headers=HTMX)
    assert response.status_code == 200
    assert response["HX-Redirect"].startswith("/quiz/result/")


def test_missing_answers_are_named_and_the_rest_kept(client: Client):
    answers = all_answers(36, 5)
    del answers["item-3"], answers["item-17"]
    response = client.post("/quiz/ecr-r/", answers)
    assert response.status_code == 400
    assert "These 2 statements are not answered yet" in response.text
    assert 'href="#item-3">Statement 3<' in response.text
    assert 'href="#item-17">Statement 17<' in response.text
    assert len(re.findall(r'value="5"\s+checked', response.text)) == 34
    assert ResultTally.objects.count() == 0


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"item-4": "9"},
            "The answer given for statement 4 was not one of the seven choices",
        ),
        (
            {"item-4": "seven"},
            "The answer given for statement 4 was not one of the seven choices",
        ),
        ({"item-99": "3"}, "a statement this questionnaire does not have (“item-99”)"),
        (
            {"item-abc": "3"},
            "a statement this questionnaire does not have (“item-abc”)",
        ),
    ],
)
def test_absurd_values_get_a_clear_message_and_no_result(
    client: Client, change, message
):
    response = client.post("/quiz/ecr-rs/", all_answers(9) | change)
    assert response.status_code == 400
    assert message in response.text
    assert ResultTally.objects.count() == 0


@pytest.mark.parametrize(
    ("method", "url", "data", "status", "message"),
    [
        (
            "get",
            "/quiz/ecr-x/",
            None,
            404,
            "We do not have a questionnaire called “ecr-x”",
        ),
        (
            "post",
            "/quiz/ecr-x/",
            {"item-1": "4"},
            404,
            "We do not have a questionnaire called “ecr-x”",
        ),
        (
            "post",
            "/quiz/",
            {"item-1": "4"},
            400,
            "We could not tell which questionnaire you meant",
        ),
        (
            "get",
            "/quiz/ecr-rs/?item=abc",
            None,
            400,
            "There is no statement number “abc”",
        ),
        (
            "get",
            "/quiz/ecr-rs/?item=10",
            None,
            400,
            "There is no statement number “10”",
        ),
        (
            "post",
            "/quiz/ecr-rs/answer/",
            {"item": "3", "answer": "9"},
            400,
            "That answer could not be read",
        ),
        (
            "post",
            "/quiz/ecr-rs/answer/",
            {"item": "x", "answer": "3"},
            400,
            "That answer could not be read",
        ),
    ],
)
def test_tampered_requests_never_cause_a_server_error(
    client: Client, method, url, data, status, message
):
    response = getattr(client, method)(url, data)
    assert response.status_code == status
    assert message in response.text


def test_an_unknown_questionnaire_links_to_the_ones_we_have(client: Client):
    response = client.get("/quiz/ecr-x/")
    assert response.status_code == 404
    assert "Please choose one of ours below" in response.text
    assert '<a href="/quiz/ecr-r/">Start the ECR-R</a>' in response.text
    assert '<a href="/quiz/ecr-rs/">Start the ECR-RS</a>' in response.text


@pytest.mark.parametrize(
    ("method", "url", "data"),
    [
        ("get", "/quiz/ecr-rs/?item=abc", None),
        ("post", "/quiz/ecr-rs/answer/", {"item": "3", "answer": "9"}),
    ],
    ids=["a-link", "a-form"],
)
def test_a_link_or_a_form_we_cannot_use_gets_a_heading_that_fits_both(
    client: Client, method, url, data
):
    response = getattr(client, method)(url, data)
    assert "<h1>Sorry, we could not make sense of that</h1>" in response.text


def test_a_tampered_answers_cookie_is_ignored(client: Client):
    client.cookies["quiz_ecr_rs"] = "7,7,7,7,7,7,7,7,7:forged"
    response = client.get("/quiz/ecr-rs/")
    assert response.status_code == 200
    assert "checked" not in response.text


def test_scoring_is_rate_limited_per_address(client: Client, settings):
    settings.QUIZ_RATE_LIMIT = (2, 3600)
    answers = all_answers(9) | {"about": "partner"}
    for _ in range(2):
        assert client.post("/quiz/ecr-rs/", answers).status_code == 303
    response = client.post("/quiz/ecr-rs/", answers)
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    other = Client(REMOTE_ADDR="192.0.2.9")
    answers = all_answers(9) | {"about": "partner"}
    assert other.post("/quiz/ecr-rs/", answers).status_code == 303


def test_the_rate_limit_keeps_no_visitor_address(settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    }
    Client(REMOTE_ADDR="203.0.113.7").post(
        "/quiz/ecr-rs/", all_answers(9) | {"about": "partner"}
    )
    keys = list(caches["default"]._cache) + [
        count.key for count in RateCount.objects.all()
    ]
    assert any(key.startswith("quiz-score:") for key in keys)
    assert not any("203.0.113.7" in key for key in keys)


def test_answers_sent_while_paused_are_kept_for_the_next_try(client: Client, settings):
    settings.QUIZ_RATE_LIMIT = (1, 3600)
    client.post("/quiz/ecr-rs/", all_answers(9))
    answers = all_answers(9, 6)
    del answers["item-9"]
    assert client.post("/quiz/ecr-rs/", answers).status_code == 429
    again = client.get("/quiz/ecr-rs/?about=partner")
    assert len(re.findall(r'value="6"\s+checked', again.text)) == 8


def test_completing_the_quiz_writes_nothing_but_the_tally(client: Client):
    def counts() -> dict[str, int]:
        return {model._meta.label: model.objects.count() for model in apps.get_models()}

    before = counts()
    for number in range(1, 10):
        client.post(
            "/quiz/ecr-rs/answer/", {"item": str(number), "answer": "3"}, headers=HTMX
        )
    response = client.post("/quiz/ecr-rs/")
    client.get(response["Location"])
    after = counts()
    changed = {
        label: after[label] - before[label]
        for label in after
        if after[label] != before[label]
    }
    # The tally, and the rate limit's count for this hour (a keyed hash, no address).
    assert changed == {"quiz.ResultTally": 1, "core.RateCount": 1}
    assert not response.wsgi_request.session.keys()


@pytest.mark.parametrize(
    "path", ["/quiz/", "/quiz/ecr-r/", "/quiz/ecr-r/?item=12", "/quiz/ecr-rs/?item=3"]
)
def test_the_questionnaires_may_be_found_each_step_naming_its_questionnaire(
    client: Client, settings, path: str
):
    page = client.get(path).text
    assert 'name="robots"' not in page  # a step shows no one's answers to a crawler
    canonical = settings.SITE_URL + path.split("?")[0]
    assert f'<link rel="canonical" href="{canonical}">' in page
