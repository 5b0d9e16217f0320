from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from attachment.models import FAQEntry, PracticeDetails, Therapist
from attachment.structured_data import faq_jsonld, practice_jsonld
from core.cache import cached_page, next_scheduled_change


@require_safe
@cached_page(until=next_scheduled_change)
def home(request: HttpRequest) -> HttpResponse:
    practice = PracticeDetails.load()
    structured = (
        practice_jsonld(practice, site_url=settings.SITE_URL) if practice else None
    )
    return render(
        request,
        "attachment/home.html",
        {"structured_data": structured},
    )


@require_safe
@cached_page
def about(request: HttpRequest) -> HttpResponse:
    return render(
        request, "attachment/about.html", {"therapists": Therapist.objects.all()}
    )


@require_safe
@cached_page
def faq(request: HttpRequest) -> HttpResponse:
    entries = list(FAQEntry.objects.all())
    return render(
        request,
        "attachment/faq.html",
        {"entries": entries, "structured_data": faq_jsonld(entries)},
    )


@require_safe
@cached_page
def contact(request: HttpRequest) -> HttpResponse:
    return render(request, "attachment/contact.html")


@require_safe
@cached_page
def privacy(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "attachment/privacy.html",
        {"retention_days": settings.PERSONAL_DATA_RETENTION_DAYS},
    )
