"""One registry says which models make which cached things stale (core/cache.py)."""

from __future__ import annotations

import pytest

from articles.models import Article, Tag
from attachment.models import (
    FAQEntry,
    Page,
    PracticeDetails,
    SafetyNote,
    SupportService,
    Therapist,
)
from booking.models import Booking, BookingSettings, CalendarFeed, TimeOff, WeeklyHours
from booking.services import OFFERED
from core.cache import CONTENT, WATCHED, Generation, remember
from quiz.models import Practice, Style, StyleGuidance


def test_the_registry_lists_what_moves_each_generation():
    assert set(WATCHED[CONTENT]) == {
        PracticeDetails, Therapist, FAQEntry, Page, SupportService, SafetyNote,
        Article, Tag, Article.tags.through,
        Style, Practice, StyleGuidance,  # the quiz's texts, on the cached result page
    }  # fmt: skip
    assert set(WATCHED[OFFERED]) == {
        Booking, BookingSettings, CalendarFeed, TimeOff, WeeklyHours, Therapist
    }  # fmt: skip


@pytest.mark.django_db
def test_a_remembered_value_lasts_until_its_generation_moves_on():
    generation = Generation("test:remember")
    calls = []

    def compute() -> int:
        calls.append(1)
        return len(calls)

    assert remember("test:value", compute, under=(generation,), timeout=60) == 1
    assert remember("test:value", compute, under=(generation,), timeout=60) == 1
    generation.advance()
    assert remember("test:value", compute, under=(generation,), timeout=60) == 2


@pytest.mark.django_db
def test_nothing_is_remembered_when_there_is_nothing_yet():
    calls = []

    def compute() -> None:
        calls.append(1)

    remember("test:nothing", compute, timeout=60)
    remember("test:nothing", compute, timeout=60)
    assert len(calls) == 2


@pytest.mark.django_db
def test_saving_the_practice_details_shows_at_once():
    details = PracticeDetails.load()
    details.phone = "416-555-0199"
    details.save()
    assert PracticeDetails.load().phone == "416-555-0199"
