"""The article editor's live preview: the same renderer and sanitiser as the public
page (core.markdown), plus the word count and reading time she sees as she writes."""

from __future__ import annotations

import math

from django.core.exceptions import ValidationError
from django.utils.html import strip_tags

from articles.models import WORDS_PER_MINUTE
from core.markdown import render_markdown


def preview(body: str) -> dict:
    try:
        html, problem = render_markdown(body), ""
        words = len(
            strip_tags(html).split()
        )  # what visitors read: no "##", no addresses
    except ValidationError as error:  # too long, too many brackets: say so instead
        html, problem = "", " ".join(error.messages)
        words = len(body.split())
    return {
        "html": html,
        "problem": problem,
        "words": words,
        "minutes": max(1, math.ceil(words / WORDS_PER_MINUTE)),
    }
