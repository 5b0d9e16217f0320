from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from attachment.models import PracticeDetails


def practice(request: HttpRequest) -> dict:
    return {"practice": PracticeDetails.load(), "site_url": settings.SITE_URL}
