"""The helplines: which ones visitors see, and which still wait for the therapist."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from attachment.models import SupportService
from core.notices import Notice


def unconfirmed_services() -> list[Notice]:
    """One notice per helpline whose numbers nobody has confirmed yet: it stays off the
    site until she checks it, so she needs to know it is waiting."""
    return [
        Notice(
            _(
                "To confirm: the numbers for %(name)s are not shown on the site until "
                "you check them on the service's own website and tick “numbers confirmed”."
            )
            % {"name": service.name},
            url=reverse("admin:attachment_supportservice_change", args=[service.pk]),
        )
        for service in SupportService.objects.filter(verified=False)
    ]
