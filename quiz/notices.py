"""The questionnaires' permission, until the practice has it in writing (core/notices.py)."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _

from core.notices import Notice
from quiz import instruments
from quiz.models import QuestionnairePermission


def permission_notices() -> Iterator[Notice]:
    recorded = set(QuestionnairePermission.objects.values_list("instrument", flat=True))
    add = reverse("admin:quiz_questionnairepermission_add")
    for instrument in instruments.available():
        if instrument.slug not in recorded:
            yield Notice(
                _(
                    "Record the authors' written permission to use the %(name)s on the "
                    "practice's website. It is published for research; a practice "
                    "website is clinical, commercial use (see the README, “Permission "
                    "for the questionnaires”)."
                )
                % {"name": instrument.short_name},
                f"{add}?{urlencode({'instrument': instrument.slug})}",
            )
