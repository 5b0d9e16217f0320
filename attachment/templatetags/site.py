from __future__ import annotations

import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

# The characters that could end the <script> block or open a comment inside it.
_JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.simple_tag
def jsonld(data: dict) -> SafeString:
    """Structured data for search engines: data, not script, so the CSP allows it."""
    payload = json.dumps(data, ensure_ascii=False).translate(_JSON_ESCAPES)
    return format_html(
        '<script type="application/ld+json">{}</script>', mark_safe(payload)
    )


@register.simple_tag
def support_services() -> list:
    """The helplines whose numbers are confirmed, in her order."""
    from attachment.models import SupportService

    return list(SupportService.objects.confirmed())
