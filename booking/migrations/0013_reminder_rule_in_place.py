from __future__ import annotations

from datetime import timedelta

from django.db import migrations, models
from django.db.models import F


def mark_late_bookings_as_reminded(apps, schema_editor):
    """Consults booked within a day of their time were skipped by send_outbox's filter;
    the rule now lives in Booking.place, which marks them as reminded when booked."""
    Booking = apps.get_model("booking", "Booking")
    Booking.objects.filter(
        reminder_sent_at__isnull=True,
        starts_at__lt=F("created_at") + timedelta(hours=24),
    ).update(reminder_sent_at=F("created_at"))


class Migration(migrations.Migration):
    dependencies = [
        ("booking", "0012_search_by_trigram"),
    ]

    operations = [
        migrations.AlterField(
            model_name="booking",
            name="reminder_sent_at",
            field=models.DateTimeField(
                blank=True,
                editable=False,
                help_text=(
                    "When the reminder went, or, for a consult booked or moved to within "
                    "a day, when that email went instead (it was reminder enough)."
                ),
                null=True,
                verbose_name="reminded at",
            ),
        ),
        migrations.RunPython(mark_late_bookings_as_reminded, migrations.RunPython.noop),
    ]
