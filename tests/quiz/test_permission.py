"""The questionnaires are the authors' work: every quiz page cites them, and the admin
records their written permission for use on the practice's website."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from quiz.models import QuestionnairePermission
from quiz.results import make_result_token, result_path

pytestmark = pytest.mark.django_db
AUTHORS = {
    "ecr-r": "Fraley, R. C., Waller, N. G., &amp; Brennan, K. A. (2000)",
    "ecr-rs": "Fraley, R. C., Heffernan, M. E., Vicary, A. M., &amp; Brumbaugh, C. C. (2011)",
}


@pytest.mark.parametrize("slug", ["ecr-r", "ecr-rs"])
def test_every_quiz_page_cites_the_questionnaires_authors(client: Client, slug: str):
    token = make_result_token(
        instrument=slug, anxiety=4.3, avoidance=2.6, taken_on=date(2026, 11, 27)
    )
    for url in [f"/quiz/{slug}/", f"/quiz/{slug}/?item=3", result_path(token)]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert AUTHORS[slug] in response.text, url


def test_the_start_page_cites_both(client: Client):
    html = client.get("/quiz/").text
    assert all(citation in html for citation in AUTHORS.values())


def test_a_permission_reads_as_its_questionnaire_and_date():
    permission = QuestionnairePermission(
        instrument="ecr-rs", granted_on=date(2027, 1, 15), granted_by="R. Chris Fraley"
    )
    assert str(permission).endswith(": 2027-01-15")
    assert "ECR-RS" in str(permission) or "Relationship Structures" in str(permission)


def test_the_readme_asks_for_the_authors_written_permission():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    section = readme[readme.index("## Permission for the questionnaires") :]
    for words in [
        "Fraley, Waller and Brennan (2000)",
        "Fraley, Heffernan, Vicary and Brumbaugh (2011)",
        "written permission",
        "before launch",
    ]:
        assert words in section, words
