"""The quiz asks the database a fixed number of questions per page, whatever a visitor
has answered: its statements come from files, answers in progress from a cookie, and the
practice's details (on every page) from the cache."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db
HTMX = {"HX-Request": "true"}
SOME_ANSWERS = {1: 3, 2: 7, 12: 4, 36: 1}


def complete(value: int = 4) -> dict[str, str]:
    return {f"item-{n}": str(value) for n in range(1, 37)}


@pytest.fixture
def visitor(client: Client) -> Client:
    """Someone partway through the ECR-R, after the practice's details are cached."""
    for number, value in SOME_ANSWERS.items():
        client.post("/quiz/ecr-r/answer/", {"item": number, "answer": value})
    client.get("/quiz/ecr-r/")
    return client


def test_the_one_page_questionnaire_asks_the_database_nothing(
    visitor: Client, django_assert_num_queries
):
    with django_assert_num_queries(0):
        response = visitor.get("/quiz/ecr-r/")
    assert response.status_code == 200
    assert response.text.count(" checked>") == len(SOME_ANSWERS)


def test_a_fresh_visitors_one_page_questionnaire_asks_nothing_either(
    visitor: Client, django_assert_num_queries
):
    with django_assert_num_queries(0):
        response = Client().get("/quiz/ecr-r/")
    assert " checked>" not in response.text


def test_a_step_and_an_answer_ask_the_database_nothing(
    visitor: Client, django_assert_num_queries
):
    with django_assert_num_queries(0):
        step = visitor.get("/quiz/ecr-r/?item=12", headers=HTMX)
        answered = visitor.post(
            "/quiz/ecr-r/answer/", {"item": "12", "answer": "5"}, headers=HTMX
        )
    assert "12 of 36" in step.text
    assert "13 of 36" in answered.text


def test_a_form_with_missing_answers_only_counts_towards_the_rate_limit(
    visitor: Client, django_assert_num_queries
):
    answers = complete()
    del answers["item-5"]
    with django_assert_num_queries(1):  # the rate limit's one upsert
        response = visitor.post("/quiz/ecr-r/", answers)
    assert response.status_code == 400


def test_scoring_counts_the_rate_limit_and_the_tally_and_nothing_else(
    visitor: Client, django_assert_num_queries
):
    visitor.post("/quiz/ecr-r/", complete())  # this month's tally row now exists
    with django_assert_num_queries(2):
        response = visitor.post("/quiz/ecr-r/", complete())
    assert response.status_code == 303
