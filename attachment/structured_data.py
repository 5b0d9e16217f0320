"""schema.org descriptions of the practice's pages, for search engines (JSON-LD)."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.html import strip_tags

from attachment.models import FAQEntry, PracticeDetails


def practice_jsonld(practice: PracticeDetails, *, site_url: str) -> dict:
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
