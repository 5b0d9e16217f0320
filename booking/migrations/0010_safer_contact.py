from __future__ import annotations

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("booking", "0009_outgoing_email_server_error"),
    ]

    operations = [
        migrations.AddField(
            model_name="booking",
            name="call_times",
            field=models.CharField(
                blank=True, max_length=200, verbose_name="good time to call"
            ),
        ),
        migrations.AddField(
            model_name="booking",
            name="voicemail",
            field=models.CharField(
                blank=True,
                choices=[
                    ("yes", "yes, it is safe to leave a message"),
                    ("no", "no, please do not leave a message"),
                ],
                max_length=3,
                verbose_name="safe to leave a voicemail?",
            ),
        ),
        migrations.AddField(
            model_name="bookingsettings",
            name="discreet_title",
            field=models.CharField(
                default="Appointment",
                help_text="What a client's calendar and inbox show, with the time. Keep it plain: anyone who sees their phone may read it.",
                max_length=60,
                verbose_name="title in calendar invites and email subjects",
            ),
        ),
    ]
