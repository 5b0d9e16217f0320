from __future__ import annotations

from django import template

from core import notices

register = template.Library()


@register.inclusion_tag("admin/includes/notices.html")
def admin_notices() -> dict:
    return {"notices": notices.current()}
