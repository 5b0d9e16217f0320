"""Years of data in seconds, for bench/scale.sh and the scale tests.

Rows are made by PostgreSQL itself (INSERT ... SELECT FROM generate_series), so 100,000
consults take a second or two instead of minutes through the ORM. Each function adds to
what is there; call them on an empty practice (the migrated content only).

    .venv/bin/python bench/scale_seed.py articles 10000
    .venv/bin/python bench/scale_seed.py consults 100000
    .venv/bin/python bench/scale_seed.py outbox 10000
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from django.db import connection, transaction

TAGS = [
    ("Secure", "secure"),
    ("Anxious-preoccupied", "anxious-preoccupied"),
    ("Dismissive-avoidant", "dismissive-avoidant"),
    ("Fearful-avoidant", "fearful-avoidant"),
    ("Couples", "couples"),
    ("Trauma", "trauma"),
    ("Communication", "communication"),
    ("Self-care", "self-care"),
]

PARAGRAPH = (
    "Feeling safe with another person grows from many small moments: being noticed, "
    "being answered, being welcomed back after a hard conversation. "
) * 8


def seed_articles(count: int, first: int = 1) -> None:
    """`count` published articles, one a day going back, each with two or three tags.
    Call again with `first` past the last one to add older ones."""
    from articles.models import Article, Tag, Tagging

    for name, slug in TAGS:
        Tag.objects.get_or_create(slug=slug, defaults={"name": name})
    article, tag = Article._meta.db_table, Tag._meta.db_table
    through = Tagging._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {article} (title, slug, author_id, summary, body, body_html,
                cover, cover_alt, publish_at, created_at, updated_at)
            SELECT 'Article ' || n, 'scale-article-' || n,
                (SELECT id FROM attachment_therapist ORDER BY id LIMIT 1),
                'A short summary of article ' || n || '.', %(body)s,
                '<p>' || %(body)s || '</p>', '', '',
                now() - n * interval '1 day', now() - n * interval '1 day', now()
            FROM generate_series(%(first)s, %(first)s + %(count)s - 1) AS n
            """,
            {"body": PARAGRAPH, "count": count, "first": first},
        )
        # Tags spread unevenly, as a real practice writes more on some subjects.
        cursor.execute(
            f"""
            INSERT INTO {through} (article_id, tag_id, publish_at)
            SELECT a.id, t.id, a.publish_at FROM {article} a JOIN {tag} t
              ON mod(a.id + t.id, 3) = 0 OR (t.slug = 'secure' AND mod(a.id, 2) = 0)
            WHERE a.slug LIKE 'scale-article-%'
            ON CONFLICT DO NOTHING
            """
        )
        cursor.execute(f"ANALYZE {article}; ANALYZE {through}; ANALYZE {tag}")


def seed_consults(count: int, first: int = 0) -> None:
    """`count` consults, one every 30 minutes going back from two days ahead (the first
    hundred still to come), a tenth of them cancelled, each with the two emails a
    booking sends, all sent. Call again with `first` past the last one to add older
    ones."""
    from booking.models import Booking, OutgoingEmail

    booking, email = Booking._meta.db_table, OutgoingEmail._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {booking} (therapist_id, starts_at, ends_at, blocked_until, name,
                email, phone, note, voicemail, call_times, visitor_time_zone,
                quiz_result_url, status, uid, sequence, created_at)
            SELECT (SELECT id FROM attachment_therapist ORDER BY id LIMIT 1),
                s, s + interval '20 minutes', s + interval '30 minutes',
                'Client ' || n, 'client' || n || '@example.org', '416-555-0100', '', '',
                '', 'America/Toronto', '',
                CASE WHEN n %% 10 = 0 THEN 'cancelled' ELSE 'confirmed' END,
                n || '-scale@thetherapeuticway.ca', 0, s - interval '3 days'
            FROM generate_series(%(first)s, %(first)s + %(count)s - 1) AS n,
                LATERAL (SELECT date_trunc('hour', now())
                         - (n - 100) * interval '30 minutes' AS s) AS t
            """,
            {"count": count, "first": first},
        )
        cursor.execute(
            f"""
            INSERT INTO {email} (booking_id, kind, sequence, "to", subject, body_text,
                body_html, ics, status, attempts, next_attempt_at, last_error,
                created_at, sent_at)
            SELECT b.id, k.kind, 0, b.email, 'Your consult', 'Hello', '', '',
                'sent', 1, b.created_at, '', b.created_at, b.created_at
            FROM {booking} b, (VALUES ('confirmation'), ('new-booking')) AS k(kind)
            WHERE b.uid LIKE '%%-scale@thetherapeuticway.ca'
              AND b.name >= 'Client ' AND NOT EXISTS (
                  SELECT 1 FROM {email} e WHERE e.booking_id = b.id)
            """,
            {},
        )
        cursor.execute(f"ANALYZE {booking}; ANALYZE {email}")


def seed_outbox(count: int) -> None:
    """`count` pending emails, all due, as after a long mail-server outage."""
    from booking.models import OutgoingEmail

    email = OutgoingEmail._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {email} (kind, sequence, "to", subject, body_text, body_html,
                ics, status, attempts, next_attempt_at, last_error, created_at)
            SELECT 'confirmation', 0, 'client' || n || '@example.org', 'Your consult',
                'Hello', '', '', 'pending', 0, now() - n * interval '1 second', '',
                now() - n * interval '1 second'
            FROM generate_series(1, %(count)s) AS n
            """,
            {"count": count},
        )
        cursor.execute(f"ANALYZE {email}")


SEEDERS = {"articles": seed_articles, "consults": seed_consults, "outbox": seed_outbox}

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "attachment.settings")
    import django

    django.setup()
    with transaction.atomic():
        SEEDERS[sys.argv[1]](int(sys.argv[2]))
