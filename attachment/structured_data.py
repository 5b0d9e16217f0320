"""schema.org descriptions of the practice's pages, for search engines (JSON-LD)."""

from __future__ import annotations

from collections.abc import Iterable

from django.urls import reverse
from django.utils.html import strip_tags

from attachment.models import FAQEntry, PracticeDetails, Therapist

COLLEGE = {
    "@type": "Organization",
    "name": "College of Registered Psychotherapists of Ontario",
    "url": "https://www.crpo.ca/",
}


def therapist_jsonld(therapist: Therapist, *, site_url: str) -> dict:
    """A therapist as a schema.org Person; the registration only as she entered it."""
    person = {
        "@type": "Person",
        "name": therapist.full_name,
        "jobTitle": therapist.get_title_display(),
        "url": f"{site_url}{reverse('about')}#{therapist.slug}",
        "memberOf": COLLEGE,
    }
    if therapist.registration_number:
        person["hasCredential"] = {
            "@type": "EducationalOccupationalCredential",
            "credentialCategory": "license",
            "name": therapist.get_title_display(),
            "identifier": therapist.registration_number,
            "recognizedBy": COLLEGE,
        }
    if therapist.register_url:
        person["sameAs"] = [therapist.register_url]
    return person


def people_jsonld(therapists: Iterable[Therapist], *, site_url: str) -> dict:
    return {
        "@context": "https://schema.org",
        "@graph": [therapist_jsonld(t, site_url=site_url) for t in therapists],
    }


def practice_jsonld(
    practice: PracticeDetails, therapists: Iterable[Therapist], *, site_url: str
) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "ProfessionalService",
        "name": practice.name,
        "description": practice.tagline,
        "url": site_url + "/",
        "email": practice.email,
        "telephone": practice.phone_uri,
        "areaServed": practice.service_area_list,
        "address": {
            "@type": "PostalAddress",
            "addressRegion": "ON",
            "addressCountry": "CA",
        },
        "employee": [therapist_jsonld(t, site_url=site_url) for t in therapists],
    }


def faq_jsonld(entries: Iterable[FAQEntry]) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": entry.question,
                "acceptedAnswer": {
                    "@type": "Answer",
                    "text": strip_tags(entry.answer_html).strip(),
                },
            }
            for entry in entries
        ],
    }
