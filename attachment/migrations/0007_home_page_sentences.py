"""A sentence for each "What we can help with" card, and Shikha's line on the home page.

Only what still reads as first installed is filled in: a topic or an introduction the
therapist has already changed in the admin is left as she wrote it.
"""

from __future__ import annotations

from django.db import migrations

SENTENCES = {
    "Relationship issues": (
        # Not "between you": for someone whose partner frightens them, therapy starts
        # with their own safety, not with working on the relationship together.
        "When the same hurts and arguments keep coming back, we can slow down and look "
        "at what is happening, and at what you need to feel safe."
    ),
    "Relational trauma": (
        "When the people who should have kept you safe caused harm, we go gently, at a "
        "pace that feels safe for you."
    ),
    "Recovery from narcissistic abuse": (
        "If a relationship left you doubting your own mind, we start by taking your "
        "experience seriously."
    ),
    "Attachment wounds from childhood or adulthood": (
        "Old wounds can shape how close we let others come; together we can understand "
        "yours with curiosity instead of blame."
    ),
}

INTRODUCTION = (
    "Shikha works with individuals, couples and families on relationship issues, "
    "relational trauma and attachment wounds, in a trauma-informed and holistic way."
)


def add_sentences(apps, schema_editor):
    PracticeDetails = apps.get_model("attachment", "PracticeDetails")
    Therapist = apps.get_model("attachment", "Therapist")
    for practice in PracticeDetails.objects.all():
        lines = []
        for line in practice.helps_with.splitlines():
            topic = line.strip()
            lines.append(f"{topic}: {SENTENCES[topic]}" if topic in SENTENCES else line)
        practice.helps_with = "\n".join(lines)
        practice.save(update_fields=["helps_with"])
    Therapist.objects.filter(slug="shikha", introduction="").update(
        introduction=INTRODUCTION
    )


def remove_sentences(apps, schema_editor):
    PracticeDetails = apps.get_model("attachment", "PracticeDetails")
    for practice in PracticeDetails.objects.all():
        practice.helps_with = "\n".join(
            line.partition(":")[0] for line in practice.helps_with.splitlines()
        )
        practice.save(update_fields=["helps_with"])


class Migration(migrations.Migration):
    dependencies = [("attachment", "0006_therapist_photo_size_and_introduction")]

    operations = [migrations.RunPython(add_sentences, remove_sentences)]
