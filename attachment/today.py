"""The practice's texts on the admin's "Today": any still holding a shipped placeholder."""

from __future__ import annotations

from attachment.models import FAQEntry, PracticeDetails, Therapist
from core import placeholders
from core.notices import Notice

TEXTS = [
    (PracticeDetails, ["name", "tagline", "serves", "helps_with", "online_note"]),
    (Therapist, ["credentials", "role", "bio"]),
    (FAQEntry, ["question", "answer"]),
]


def placeholder_notices() -> list[Notice]:
    return placeholders.notices(TEXTS)
