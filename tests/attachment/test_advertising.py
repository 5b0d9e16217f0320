"""The advertising check (CRPO Professional Practice Standard 6.2): real phrases are named
with their rule, and nothing the practice ships is flagged."""

from __future__ import annotations

import pytest

from articles.models import Article
from attachment import advertising
from attachment.models import FAQEntry, Page, PracticeDetails, Therapist
from quiz.models import Practice, Style, StyleGuidance

# Phrases of the kind found on therapists' websites, with the rule each breaks.
FLAGGED = [
    ("Read our client testimonials below.", "testimonials", "6.2.2"),
    ("What my clients say about working with me", "What my clients say", "6.2.2"),
    ("Rated 5 stars on Google", "5 stars", "6.2.2"),
    ("★★★★★ from 40 reviews", "★", "6.2.2"),
    (
        '"Shikha helped me find my voice again." - J., Hamilton',
        '"Shikha helped me',
        "6.2.2",
    ),
    ("“She changed my life.”", "changed my life", "6.2.2"),
    ("I highly recommend her to anyone struggling.", "highly recommend", "6.2.2"),
    ("Voted best therapist in Burlington 2025", "Voted best", "6.2.2"),
    ("The best therapist in Hamilton for couples.", "best therapist", "6.2.4"),
    ("Ontario's leading practice for attachment trauma", "leading practice", "6.2.4"),
    ("The #1 choice for couples therapy", "#1", "6.2.4"),
    ("Top-rated counselling in Oakville", "Top-rated", "6.2.4"),
    ("The most effective therapy for relational trauma", "most effective", "6.2.4"),
    (
        "Our method works better than traditional talk therapy.",
        "better than traditional",
        "6.2.4",
    ),
    ("A world-class team", "world-class", "6.2.4"),
    ("Our unique approach to healing", "unique approach", "6.2.4"),
    ("Results guaranteed or your money back.", "guaranteed", "6.2.4"),
    ("We can cure your anxiety in six sessions.", "cure", "6.2.4"),
    ("Therapy that will fix your relationship", "will fix", "6.2.4"),
    ("100% success rate", "100%", "6.2.4"),
    ("A proven method for lasting change", "proven method", "6.2.4"),
    ("You will never feel anxious again.", "will never", "6.2.4"),
    ("Don't wait until it is too late.", "Don't wait until", "6.2.4"),
    ("I specialize in narcissistic abuse recovery.", "specialize", "6.2.7"),
    ("A trauma specialist in Mississauga", "specialist", "6.2.7"),
    ("Her specialty is couples work.", "specialty", "6.2.7"),
    ("An expert in attachment theory", "expert", "6.2.7"),
    ("Your relationship expert", "relationship expert", "6.2.7"),
]

# Ordinary sentences that share a word with a rule and must not be flagged.
NOT_FLAGGED = [
    "What type of therapy is best for me?",
    "Your therapist will suggest what they think suits you best.",
    "A therapist who focuses on eating disorders may not be the best fit.",
    "Feeling secure in a relationship takes practice.",
    "Are you curious about your attachment style?",
    "### 1. Secure attachment",
    "Everyone's story is unique, and so is the pace of therapy.",
    "The quiz leads you through 36 short statements.",
    "Secure partners can repair after a rupture.",
    'The ECR-R asks how you "generally experience relationships".',
]


@pytest.mark.parametrize(("text", "phrase", "code"), FLAGGED)
def test_it_names_the_phrase_and_the_rule_it_breaks(text: str, phrase: str, code: str):
    findings = advertising.check(text)
    assert any(
        phrase.lower() in f.phrase.lower() and f.rule.code == code for f in findings
    ), findings
    assert all(f"CRPO standard {f.rule.code}" in str(f) for f in findings)


@pytest.mark.parametrize("text", NOT_FLAGGED)
def test_it_leaves_ordinary_words_alone(text: str):
    assert advertising.check(text) == []


def test_it_names_a_phrase_once_in_the_order_it_first_appears():
    findings = advertising.check(
        "Guaranteed results. The best therapy in town. Guaranteed!"
    )
    assert [f.phrase.lower() for f in findings] == ["guaranteed", "the best therapy"]


def test_its_work_grows_with_the_text_only():
    # 20,000 characters, the admin's limit, of near-misses for every pattern.
    text = ("best the most # special expert “quoted ” cure-all guarantee-ish " * 400)[
        :20_000
    ]
    assert isinstance(advertising.check(text), list)


@pytest.mark.django_db
def test_nothing_the_practice_ships_is_flagged():
    practice = PracticeDetails.objects.get()
    texts = {
        "practice": " ".join(
            [
                practice.tagline,
                practice.serves,
                practice.helps_with,
                practice.online_note,
            ]
        ),
        **{f"faq {e.pk}": f"{e.question}\n{e.answer}" for e in FAQEntry.objects.all()},
        **{
            f"therapist {t.slug}": f"{t.credentials}\n{t.role}\n{t.bio}"
            for t in Therapist.objects.all()
        },
        **{
            f"page {p.slug}": f"{p.title}\n{p.description}\n{p.body}"
            for p in Page.objects.all()
        },
        **{
            f"article {a.slug}": f"{a.title}\n{a.summary}\n{a.body}"
            for a in Article.objects.all()
        },
        **{
            f"style {s.slug}": f"{s.name}\n{s.summary}\n{s.description}"
            for s in Style.objects.all()
        },
        **{f"practice {p.slug}": f"{p.name}\n{p.text}" for p in Practice.objects.all()},
        **{f"guidance {g.pk}": g.steps for g in StyleGuidance.objects.all()},
    }
    assert len(texts) > 30  # every kind of text was read
    assert advertising.check_all(texts) == {}
