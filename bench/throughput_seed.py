"""Realistic content for the throughput benchmark: 50 articles and a month of consults.

Run with the benchmark's environment: .venv/bin/python bench/throughput_seed.py
"""

from __future__ import annotations

import os
import random
import sys
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "attachment.settings")

import django  # noqa: E402

django.setup()

from django.utils import timezone  # noqa: E402

from articles.models import Article, Tag  # noqa: E402
from attachment.models import Therapist  # noqa: E402
from booking.models import Booking  # noqa: E402
from booking.services import free_slots_for, rules_for  # noqa: E402

PARAGRAPH = (
    "Feeling safe with another person grows from many small moments: being noticed, "
    "being answered, being welcomed back after a hard conversation. "
) * 6


def seed_articles(therapist: Therapist, count: int = 50) -> None:
    tags = list(Tag.objects.all())
    now = timezone.now()
    for n in range(1, count + 1):
        body = "\n\n".join(
            [
                f"## Part {p}\n\n{PARAGRAPH}\n\n- one idea\n- another idea"
                for p in range(1, 6)
            ]
        )
        article = Article.objects.create(
            title=f"Notes on closeness, part {n}",
            slug=f"notes-on-closeness-{n}",
            author=therapist,
            summary="A short reflection on feeling safe with the people closest to us.",
            body=body,
            publish_at=now - timedelta(days=n),
        )
        article.tags.set(random.sample(tags, k=min(3, len(tags))))


def seed_bookings(therapist: Therapist) -> int:
    rules = rules_for(therapist)
    slots = free_slots_for(therapist, now=timezone.now())
    booked = 0
    for n, start in enumerate(slots):
        if n % 3 == 2:  # leave a third of the times free
            continue
        booking = Booking(
            therapist=therapist,
            name=f"Client {n}",
            email=f"client{n}@example.org",
            phone="289-555-0100",
        )
        booking.place(start, rules, now=timezone.now())
        booking.save()
        booked += 1
    return booked


if __name__ == "__main__":
    random.seed(1)
    shikha = Therapist.objects.get(slug="shikha")
    seed_articles(shikha)
    booked = seed_bookings(shikha)
    print(
        f"seeded: {Article.objects.count()} articles, {Tag.objects.count()} tags, "
        f"{booked} consults booked over the next {rules_for(shikha).book_ahead_days} days"
    )
