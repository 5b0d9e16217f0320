"""The article editor's live preview: the same renderer and sanitiser as the public
page (core.markdown), plus the word count and reading time she sees as she writes."""

from __future__ import annotations

import math

from django.core.exceptions import ValidationError

from articles.models import WORDS_PER_MINUTE
from core.markdown import render_markdown


def preview(body: str) -> dict:
    words = len(body.split())
    try:
        html, problem = render_markdown(body), ""
    except (
        ValidationError
    ) as error:  # too long or too many brackets: say so, render nothing
        html, problem = "", " ".join(error.messages)
    return {
        "html": html,
        "problem": problem,
        "words": words,
        "minutes": max(1, math.ceil(words / WORDS_PER_MINUTE)),
    }
