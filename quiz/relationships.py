"""Who the statements are about, for a questionnaire that asks about one person.

The ECR-RS was designed to be answered about one relationship at a time (mother or
mother-figure, father or father-figure, a romantic partner, a best friend): the visitor
chooses, the choice travels in the signed result, and the result speaks only of that
relationship. The questionnaire's own words ("this person") are never changed.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

PARTNER, MOTHER, FATHER, FRIEND = "partner", "mother", "father", "friend"

# Instruments answered about one chosen person; the ECR-R asks about relationships in general.
ASKS_ABOUT_ONE_PERSON = {"ecr-rs"}

# What the visitor picks from.
CHOICES = {
    PARTNER: _("A romantic partner, now or most recently"),
    MOTHER: _("Your mother, or a mother-figure"),
    FATHER: _("Your father, or a father-figure"),
    FRIEND: _("A close friend"),
}

# How the result names the relationship.
WITH = {
    PARTNER: _("with your partner"),
    MOTHER: _("with your mother or mother-figure"),
    FATHER: _("with your father or father-figure"),
    FRIEND: _("with your close friend"),
}

# Shown above the statements instead of the file's partner-only instructions.
INSTRUCTIONS = {
    PARTNER: _(
        "Please answer the statements below about your romantic partner: your partner "
        "now, or your most recent partner if you are not in a relationship now. "
        "“This person” means that partner."
    ),
    MOTHER: _(
        "Please answer the statements below about your mother, or the person who was "
        "most like a mother to you. “This person” means her or them."
    ),
    FATHER: _(
        "Please answer the statements below about your father, or the person who was "
        "most like a father to you. “This person” means him or them."
    ),
    FRIEND: _(
        "Please answer the statements below about one close friend. “This person” "
        "means that friend."
    ),
}


def asks_about_one_person(instrument_slug: str) -> bool:
    return instrument_slug in ASKS_ABOUT_ONE_PERSON


def read(value: object) -> str | None:
    """A known relationship, or None for anything else a client sends."""
    return value if isinstance(value, str) and value in CHOICES else None
