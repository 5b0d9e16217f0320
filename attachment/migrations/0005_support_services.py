"""Helplines and the note on safety, as the therapist starts.

Each number was checked against the service's own published pages where this could be
done (see verified_where); the two that could not be confirmed there ship unconfirmed,
so the site does not show them until the therapist checks them and ticks the box.
Idempotent: rows that exist (perhaps edited in the admin) are left alone.
"""

from __future__ import annotations

from django.db import migrations, models

SAFETY_NOTE = (
    "If someone in your life frightens you, controls you, or often puts you down, your "
    "answers may say more about that relationship than about you. Worry, or wanting "
    "distance, can be a sensible response to someone who is not safe to be close to.\n\n"
    "Your safety comes first. You do not have to work on a relationship that hurts you. "
    "If you are in danger right now, call 911. The helplines below can listen and talk "
    "with you about what is happening, before you decide anything."
)

SERVICES = [
    {
        "name": "Emergency services (police, fire, ambulance)",
        "phone": "911",
        "note": "If you or someone else is in danger right now.",
        "verified": True,
        "verified_where": (
            "Ontario police services' own pages, 3 December 2026: niagarapolice.ca "
            "/who-we-are/contact-us/when-to-call-911 and northbaypolice.ca/contact-us"
            "/when-to-call-911."
        ),
        "order": 10,
    },
    {
        "name": "9-8-8 Suicide Crisis Helpline",
        "phone": "9-8-8",
        "text": "text 9-8-8",
        "text_number": "988",
        "url": "https://988.ca/",
        "note": "If you are thinking about suicide, or worried about someone: free, any time, anywhere in Canada.",
        "verified": True,
        "verified_where": (
            "988.ca/get-help/what-to-expect (\u201cCall or text 9-8-8 toll free, any time\u201d), "
            "read in a stored copy of that page, 3 December 2026."
        ),
        "order": 20,
    },
    {
        "name": "Assaulted Women's Helpline",
        "phone": "1-866-863-0511",
        "url": "https://www.awhl.org/",
        "note": "For women in Ontario who are being hurt or are afraid of someone: free, anonymous and confidential, any time.",
        "verified": False,
        "verified_where": (
            "Not yet confirmed on awhl.org: on 3 December 2026 this number was found only "
            "on other organisations' pages. Please check it on awhl.org."
        ),
        "order": 30,
    },
    {
        "name": "Kids Help Phone",
        "phone": "1-800-668-6868",
        "text": "text CONNECT to 686868",
        "text_number": "686868",
        "url": "https://kidshelpphone.ca/",
        "note": "For young people: free and confidential, any time.",
        "verified": False,
        "verified_where": (
            "Text line (CONNECT to 686868) confirmed on kidshelpphone.ca/text-about-it, "
            "3 December 2026; the phone number was found only in news articles, not yet "
            "on kidshelpphone.ca. Please check it there."
        ),
        "order": 40,
    },
]


def seed(apps, schema_editor):
    SupportService = apps.get_model("attachment", "SupportService")
    SafetyNote = apps.get_model("attachment", "SafetyNote")
    SafetyNote.objects.get_or_create(pk=1, defaults={"text": SAFETY_NOTE})
    for service in SERVICES:
        fields = dict(service)
        SupportService.objects.get_or_create(name=fields.pop("name"), defaults=fields)


class Migration(migrations.Migration):
    dependencies = [
        ("attachment", "0004_ontario_content"),
    ]

    operations = [
        migrations.CreateModel(
            name="SafetyNote",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True,
                        primary_key=True,
                        serialize=False,
                        verbose_name="ID",
                    ),
                ),
                (
                    "text",
                    models.TextField(
                        help_text="Shown near the top of every quiz result, above the helplines. Plain text; a blank line starts a new paragraph.",
                        verbose_name="note on safety",
                    ),
                ),
            ],
            options={
                "verbose_name": "note on safety",
                "verbose_name_plural": "note on safety",
            },
        ),
        migrations.CreateModel(
            name="SupportService",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True,
                        primary_key=True,
                        serialize=False,
                        verbose_name="ID",
                    ),
                ),
                ("name", models.CharField(max_length=120, verbose_name="name")),
                (
                    "phone",
                    models.CharField(
                        blank=True,
                        help_text="As visitors should read it, for example 1-866-863-0511.",
                        max_length=40,
                        verbose_name="phone number",
                    ),
                ),
                (
                    "text",
                    models.CharField(
                        blank=True,
                        help_text="How to reach it by text, for example: text CONNECT to 686868.",
                        max_length=120,
                        verbose_name="text line",
                    ),
                ),
                (
                    "text_number",
                    models.CharField(
                        blank=True,
                        help_text="Digits only, for the phone's text app, for example 686868.",
                        max_length=20,
                        verbose_name="number to text",
                    ),
                ),
                ("url", models.URLField(blank=True, verbose_name="web address")),
                (
                    "note",
                    models.CharField(
                        blank=True,
                        help_text="One short sentence shown with the numbers.",
                        max_length=300,
                        verbose_name="who it is for",
                    ),
                ),
                (
                    "verified",
                    models.BooleanField(
                        default=False,
                        help_text="Tick once you have checked the numbers on the service's own website. Until then the service is not shown on the site.",
                        verbose_name="numbers confirmed",
                    ),
                ),
                (
                    "verified_where",
                    models.CharField(
                        blank=True,
                        help_text="The page you checked them on, and when.",
                        max_length=300,
                        verbose_name="where the numbers were checked",
                    ),
                ),
                (
                    "order",
                    models.PositiveSmallIntegerField(default=0, verbose_name="order"),
                ),
            ],
            options={
                "verbose_name": "support service",
                "verbose_name_plural": "support services",
                "ordering": ["order", "pk"],
            },
        ),
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
