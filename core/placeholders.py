"""Shipped texts that wait for words only the therapist can give (a fee, a number).

A default written into a data migration marks such a gap as "[to fill in: the fee for a
50-minute session]" or "[to be confirmed: ...]". Each app that owns texts asks the
database for the marker in its own fields and reports what it finds on the admin's
"Today" (core.notices), so a shipped placeholder never stays on the site unnoticed.
"""

from __future__ import annotations

from django.db.models import Model, Q
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from core.notices import Notice

# A regular expression both Python and PostgreSQL read the same way.
MARKER = r"\[(to fill in|to be confirmed)"


def holding(fields: list[str]) -> Q:
    """Rows where any of the fields still holds a marker."""
    condition = Q()
    for field in fields:
        condition |= Q(**{f"{field}__iregex": MARKER})
    return condition


def notices(texts: list[tuple[type[Model], list[str]]]) -> list[Notice]:
    """A notice per row still holding a marker (at most five per model), one query per
    model whatever the number of rows."""
    found = []
    for model, fields in texts:
        opts = model._meta
        for text in model._default_manager.filter(holding(fields))[:5]:
            found.append(
                Notice(
                    _(
                        "%(what)s “%(name)s” still has words to fill in, marked “[to fill in”."
                    )
                    % {"what": capfirst(opts.verbose_name), "name": text},
                    url=reverse(
                        f"admin:{opts.app_label}_{opts.model_name}_change",
                        args=[text.pk],
                    ),
                )
            )
    return found
