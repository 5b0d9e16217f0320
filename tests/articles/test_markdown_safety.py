"""What the therapist writes becomes HTML once, on save, and nothing dangerous survives."""

from __future__ import annotations

import pytest

from .conftest import make_article

pytestmark = pytest.mark.django_db


def saved_html(body: str) -> str:
    return make_article("Safety", body=body).body_html


def test_markdown_becomes_html_on_save():
    article = make_article("Plain", body="## A heading\n\n- one\n- two\n\n**bold**")
    assert "<h2>A heading</h2>" in article.body_html
    assert "<li>one</li>" in article.body_html
    assert "<strong>bold</strong>" in article.body_html
    article.body = "Changed"
    article.save()
    assert article.body_html == "<p>Changed</p>"


@pytest.mark.parametrize(
    ("body", "forbidden"),
    [
        ("<script>alert(1)</script>", "<script"),
        ('<img src="x.png" onerror="alert(1)">', "onerror"),
        ('<a href="/" onclick="alert(1)">hi</a>', "onclick"),
        ("[click](javascript:alert(1))", "javascript:"),
        ('<a href="JaVaScRiPt:alert(1)">x</a>', "javascript:"),
        ('<iframe src="https://example.org"></iframe>', "<iframe"),
        ('<p style="color: red">red</p>', "style="),
        ("<style>body{display:none}</style>", "<style"),
        ('<object data="x.swf"></object>', "<object"),
        ('<form action="https://evil.example"><input></form>', "<form"),
    ],
)
def test_nothing_dangerous_survives(body: str, forbidden: str):
    assert forbidden.lower() not in saved_html(body).lower()


def test_the_article_page_serves_the_sanitised_html(client):
    make_article("Careful", body="Hello <script>alert('x')</script> world")
    html = client.get("/articles/careful/").text
    assert "<script>alert" not in html
