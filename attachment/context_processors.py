from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from attachment.models import PracticeDetails, Therapist


def practice(request: HttpRequest) -> dict:
    return {
        "practice": PracticeDetails.load(),
        # Every page's footer names each therapist's registration (CRPO standard 6.2).
        "registrants": Therapist.load_all(),
        "site_url": settings.SITE_URL,
        "quick_exit_url": settings.QUICK_EXIT_URL,
    }
