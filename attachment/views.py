from __future__ import annotations

from functools import cache

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from attachment.models import FAQEntry, Page, PracticeDetails, Therapist
from attachment.pages import page_facts
from attachment.structured_data import faq_jsonld, people_jsonld, practice_jsonld
from core.cache import cached_page, next_scheduled_change


@require_safe
@cached_page(until=next_scheduled_change)
def home(request: HttpRequest) -> HttpResponse:
    practice = PracticeDetails.load()
    structured = (
        practice_jsonld(practice, Therapist.load_all(), site_url=settings.SITE_URL)
        if practice
        else None
    )
    return render(
        request,
        "attachment/home.html",
        {
            "structured_data": structured,
            "therapist": Therapist.objects.filter(accepting_consults=True).first()
            or Therapist.objects.first(),
        },
    )


@require_safe
@cached_page
def about(request: HttpRequest) -> HttpResponse:
    therapists = Therapist.load_all()
    return render(
        request,
        "attachment/about.html",
        {
            "therapists": therapists,
            "structured_data": people_jsonld(therapists, site_url=settings.SITE_URL),
        },
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


def _practice_page(request: HttpRequest, slug: str, template: str) -> HttpResponse:
    """One of the practice's own pages, with the facts only the site knows filled in."""
    page = get_object_or_404(Page, slug=slug)
    facts = page_facts(PracticeDetails.load(), Therapist.load_all())
    return render(request, template, {"page": page, "page_html": page.html(facts)})


@require_safe
@cached_page
def privacy(request: HttpRequest) -> HttpResponse:
    return _practice_page(request, Page.Slug.PRIVACY, "attachment/privacy.html")


@require_safe
@cached_page
def fees(request: HttpRequest) -> HttpResponse:
    return _practice_page(request, Page.Slug.FEES, "attachment/page.html")


@cache
def _favicon() -> bytes:
    path = finders.find("img/favicon.ico")
    assert isinstance(path, str), "static/img/favicon.ico is missing"
    with open(path, "rb") as icon:
        return icon.read()


@require_safe
def favicon(request: HttpRequest) -> HttpResponse:
    # Browsers, feed readers and crawlers ask for /favicon.ico whatever the page's <link>
    # says; answering saves them a 404 each time.
    response = HttpResponse(_favicon(), content_type="image/x-icon")
    response["Cache-Control"] = "public, max-age=604800"
    return response
