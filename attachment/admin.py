from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.contrib import admin
from django.db import models
from django.http import HttpRequest

from attachment.models import FAQEntry, PracticeDetails, Therapist
from core.markdown import MARKDOWN_MAX_LENGTH, validate_markdown_size
from core.text import BoundedModelAdmin, long_text_field

# Every long text the therapist writes is refused past this length before it is read
# (or rendered as Markdown) at all.
LONG_TEXT: Mapping[type[models.Field], Mapping[str, Any]] = {
    models.TextField: long_text_field(MARKDOWN_MAX_LENGTH, validate_markdown_size)
}

admin.site.site_header = "The Therapeutic Way"
admin.site.site_title = "The Therapeutic Way"
admin.site.index_title = "Your practice"


@admin.register(PracticeDetails)
class PracticeDetailsAdmin(BoundedModelAdmin):
    formfield_overrides = LONG_TEXT
    fieldsets = [
        (None, {"fields": ["name", "tagline", "serves", "helps_with"]}),
        ("Contact", {"fields": ["email", "phone", "service_areas"]}),
        ("Online therapy", {"fields": ["online_note"]}),
    ]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return not PracticeDetails.objects.exists()

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(Therapist)
class TherapistAdmin(BoundedModelAdmin):
    formfield_overrides = LONG_TEXT
    list_display = ["name", "credentials", "accepting_consults"]
    list_editable = ["accepting_consults"]
    prepopulated_fields = {"slug": ["name"]}
    fields = [
        "name", "slug", "credentials", "role", "bio", "photo", "photo_alt", "email",
        "accepting_consults",
    ]  # fmt: skip


@admin.register(FAQEntry)
class FAQEntryAdmin(BoundedModelAdmin):
    formfield_overrides = LONG_TEXT
    list_display = ["question", "order"]
    list_editable = ["order"]
    search_fields = ["question", "answer"]
