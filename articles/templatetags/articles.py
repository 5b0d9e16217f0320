"""Articles as other apps' pages show them, so those apps need not import this one."""

from __future__ import annotations

from django import template

from articles import queries
from articles.models import Article

register = template.Library()


@register.simple_tag
def latest_articles(limit: int = 3) -> list[Article]:
    return queries.latest(limit)
