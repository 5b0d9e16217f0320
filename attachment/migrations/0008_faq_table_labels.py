"""The FAQ's answers rendered again, so a table in one gets the labels and roles that let
a phone show it stacked (core/markdown.py); the text itself is unchanged."""

from __future__ import annotations

from django.db import migrations

from core.markdown import render_markdown


def render_again(apps, schema_editor):
    FAQEntry = apps.get_model("attachment", "FAQEntry")
    for entry in FAQEntry.objects.filter(answer__contains="|"):
        entry.answer_html = render_markdown(entry.answer)
        entry.save(update_fields=["answer_html"])


class Migration(migrations.Migration):
    dependencies = [("attachment", "0007_home_page_sentences")]

    operations = [migrations.RunPython(render_again, migrations.RunPython.noop)]
