"""An article loaded at install (the practice's 2023 article) was stamped 'created' and
'last changed' on the install date, which the feed and the sitemap then showed. Each
article never edited since it was loaded, and published before that, takes its
publication date for both."""

from __future__ import annotations

from datetime import timedelta

from django.db import migrations
from django.db.models import F


def dates_from_publication(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    Article.objects.filter(
        publish_at__lt=F("created_at"),
        updated_at__lt=F("created_at") + timedelta(minutes=1),
    ).update(created_at=F("publish_at"), updated_at=F("publish_at"))


class Migration(migrations.Migration):
    dependencies = [("articles", "0004_published_index")]

    operations = [
        migrations.RunPython(dates_from_publication, migrations.RunPython.noop)
    ]
