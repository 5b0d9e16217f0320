"""What the therapist writes becomes HTML once, on save, and nothing dangerous survives."""

from __future__ import annotations

import pytest

from core.markdown import render_markdown

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


@pytest.mark.parametrize(
    "body",
    ["# Where to begin\n\nSlowly.", "Where to begin\n===\n\nSlowly."],
    ids=["# heading", "underlined heading"],
)
def test_a_top_level_heading_sits_one_level_below_the_pages_own_title(body):
    assert render_markdown(body) == "<h2>Where to begin</h2>\n<p>Slowly.</p>"


def test_a_top_level_heading_written_as_html_is_kept_as_a_heading_too():
    assert render_markdown("<h1>Where to begin</h1>") == "<h2>Where to begin</h2>"


@pytest.mark.parametrize("address", ["/media/articles/bridge.jpg", "bridge.jpg"])
def test_a_picture_from_this_site_is_kept_and_loads_when_scrolled_to(address):
    assert render_markdown(f"![A bridge at dusk]({address})") == (
        f'<p><img alt="A bridge at dusk" src="{address}" loading="lazy"></p>'
    )


@pytest.mark.parametrize(
    "picture",
    [
        "![A bridge](https://example.org/bridge.jpg)",
        "![A bridge](http://example.org/bridge.jpg)",
        "![A bridge](//example.org/bridge.jpg)",
        "![A bridge](/\\example.org/bridge.jpg)",
        '<img src="https://example.org/bridge.jpg" alt="A bridge">',
    ],
)
def test_a_picture_from_another_site_is_left_out_as_the_page_could_not_show_it(
    picture,
):
    # The site's Content-Security-Policy only lets pages load pictures from the site.
    html = render_markdown(f"Before.\n\n{picture}\n\nAfter.")
    assert "example.org" not in html
    assert "<p>Before.</p>" in html and "<p>After.</p>" in html
    assert "<p></p>" not in html
