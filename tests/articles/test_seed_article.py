"""The practice's first article arrives with migrate, whole."""

from __future__ import annotations

import re

import pytest
from django.utils import timezone

from articles.models import Article

from .conftest import SEED_SLUG

pytestmark = pytest.mark.django_db


def seed() -> Article:
    return Article.objects.get(slug=SEED_SLUG)


def test_the_seed_article_is_published_by_shikha():
    article = seed()
    assert article.title == "How to create secure attachment in relationships?"
    assert article.author.slug == "shikha"
    assert article.is_published()
    assert article.publish_at < timezone.now()
    assert timezone.localtime(article.publish_at).date().isoformat() == "2023-06-01"


def test_the_seed_article_keeps_every_heading():
    html = seed().body_html
    headings = re.findall(r"<h[23]>(.*?)</h[23]>", html)
    assert headings == [
        "What are the attachment styles?",
        "1. Secure attachment",
        "2. Anxious-preoccupied attachment",
        "3. Dismissive-avoidant attachment",
        "4. Fearful-avoidant",
        "How to create secure attachment styles in relationships.",
    ]


def test_the_seed_article_keeps_the_five_tips_as_a_numbered_list():
    html = seed().body_html
    tips = re.findall(r"<li>\s*<p><strong>(.*?):</strong>", html)
    assert tips == [
        "Emotional Responsiveness",
        "Consistency",
        "Trust",
        "Communication",
        "Empathy",
    ]
    assert html.count("<ol>") == 1


def test_the_seed_article_keeps_its_paragraphs_and_fixes_only_the_typo():
    article = seed()
    assert "John Bowlby and Mary Ainsworth" in article.body
    assert "bowlby" not in article.body
    for words in [
        "As humans, we are wired for connection",
        "safe, seen, secure, and soothed",
        "There are four main attachment styles",
        "But how can we develop a secure attachment style",
        "is not always easy",
        "attachment styles are not fixed and can change over time",
    ]:
        assert words in article.body, words


def test_the_seed_article_ends_with_the_bio_the_invitation_and_the_contact_line():
    html = seed().body_html
    assert "Shikha is a therapist/owner of The Therapeutic Way" in html
    assert (
        '<a href="/book/"' in html
        and "Schedule your free 20 mins consultation call" in html
    )
    assert 'href="mailto:info@thetherapeuticway.ca"' in html
    assert "(289) 635-4660" in html


def test_the_seed_article_leaves_out_the_old_sites_chrome():
    body = seed().body
    assert "Previous" not in body and "Next" not in body
    assert "Is online therapy" not in body
    assert "7 Tips for Dating Someone with BPD" not in body


def test_the_seed_article_is_tagged_with_the_four_styles_so_the_quiz_finds_it():
    slugs = set(seed().tags.values_list("slug", flat=True))
    assert {
        "secure",
        "anxious-preoccupied",
        "dismissive-avoidant",
        "fearful-avoidant",
    } <= slugs
    for style in ["secure", "fearful-avoidant"]:
        assert Article.objects.published().filter(tags__slug=style).exists()
