"""Booking settings and default weekly hours for the seed therapist, so /book/ works at once.

Idempotent: a therapist who already has settings or hours is left as she set them.
"""

from __future__ import annotations

from datetime import time

from django.db import migrations

HOURS = [(time(10), time(12)), (time(13), time(17))]
WEEKDAYS = range(5)  # Monday to Friday


def seed(apps, schema_editor):
    Therapist = apps.get_model("attachment", "Therapist")
    BookingSettings = apps.get_model("booking", "BookingSettings")
    WeeklyHours = apps.get_model("booking", "WeeklyHours")
    therapist = Therapist.objects.filter(slug="shikha").first()
    if therapist is None:
        return
    BookingSettings.objects.get_or_create(therapist=therapist)
    if not WeeklyHours.objects.filter(therapist=therapist).exists():
        WeeklyHours.objects.bulk_create(
            WeeklyHours(therapist=therapist, weekday=day, start=start, end=end)
            for day in WEEKDAYS
            for start, end in HOURS
        )


class Migration(migrations.Migration):
    dependencies = [
        ("booking", "0001_initial"),
        ("attachment", "0002_practice_content"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
