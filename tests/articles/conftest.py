from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from articles.models import Article, Tag
from attachment.models import Therapist

SEED_SLUG = "how-to-create-secure-attachment-in-relationships"


def make_article(
    title: str = "Repair after a rupture",
    *,
    publish_at: datetime | None = None,
    days_ago: int | None = 1,
    tags: list[str] = (),
    body: str = "Some words about *repair*.",
    summary: str = "How couples find their way back to each other.",
) -> Article:
    if publish_at is None and days_ago is not None:
        publish_at = timezone.now() - timedelta(days=days_ago)
    article = Article.objects.create(
        title=title,
        slug=title.lower().replace(" ", "-"),
        author=Therapist.objects.get(slug="shikha"),
        summary=summary,
        body=body,
        publish_at=publish_at,
    )
    article.tags.set(
        [
            Tag.objects.get_or_create(slug=slug, defaults={"name": slug.title()})[0]
            for slug in tags
        ]
    )
    return article


def make_draft(title: str = "A draft", **kwargs) -> Article:
    return make_article(title, days_ago=None, **kwargs)


def make_scheduled(
    title: str = "Coming soon", *, days_ahead: int = 2, **kwargs
) -> Article:
    return make_article(
        title, publish_at=timezone.now() + timedelta(days=days_ahead), **kwargs
    )


PASSWORD = "a-long-Strong-passphrase-42"


@pytest.fixture
def staff_client(client):
    """Alice, the therapist, logged into the admin (through django-axes, as in real life)."""
    User.objects.create_superuser("alice", "alice@example.org", PASSWORD)
    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": "alice", "password": PASSWORD, "next": "/admin/"},
    )
    assert response.status_code == 302, "alice could not log in"
    return client
