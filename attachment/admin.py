from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import reversion
from django.contrib import admin, messages
from django.db import models
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from attachment import advertising
from attachment.models import (
    FAQEntry,
    Page,
    PracticeDetails,
    SafetyNote,
    SupportService,
    Therapist,
)
from core.markdown import MARKDOWN_MAX_LENGTH, validate_markdown_size
from core.revisions import RevisionsAdmin
from core.text import BoundedModelAdmin, long_text_field

# Every long text the therapist writes is refused past this length before it is read
# (or rendered as Markdown) at all.
LONG_TEXT: Mapping[type[models.Field], Mapping[str, Any]] = {
    models.TextField: long_text_field(MARKDOWN_MAX_LENGTH, validate_markdown_size)
}


class AdvertisingCheckAdmin(BoundedModelAdmin):
    """After a save, warns about words the College's advertising standard speaks against.

    Never refuses the save: she is the judge of her own words in context. Lists the
    text fields to read in `advertising_fields`, and those of inline rows in
    `advertising_inline_fields`."""

    advertising_fields: tuple[str, ...] = ()
    advertising_inline_fields: tuple[str, ...] = ()

    def save_related(self, request: HttpRequest, form, formsets, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        texts = [getattr(form.instance, name) for name in self.advertising_fields]
        for formset in formsets:
            for inline_form in formset.forms:
                texts += [
                    inline_form.cleaned_data.get(name, "")
                    for name in self.advertising_inline_fields
                    if getattr(inline_form, "cleaned_data", None)
                ]
        findings = advertising.check("\n\n".join(str(text or "") for text in texts))
        if findings:
            messages.warning(request, advertising_message(findings))


def advertising_message(findings: list[advertising.Finding]):
    return format_html(
        "{}<ul>{}</ul>{}",
        _(
            "Saved. A College reviewer may question these words, because the CRPO's "
            "advertising standard (6.2) speaks against them:"
        ),
        format_html_join(
            "",
            "<li>“{}”: {}</li>",
            ((finding.phrase, finding.rule.text) for finding in findings),
        ),
        _("If a phrase is fine in its context, you can leave it as it is."),
    )


# The texts she writes are versioned (core.revisions); a restore puts back only these.
reversion.register(
    PracticeDetails,
    fields=[
        "name",
        "tagline",
        "email",
        "phone",
        "service_areas",
        "serves",
        "helps_with",
        "online_note",
    ],  # fmt: skip
    ignore_duplicates=True,
)
reversion.register(
    Therapist,
    fields=["name", "credentials", "role", "introduction", "bio"],
    ignore_duplicates=True,
)
reversion.register(FAQEntry, fields=["question", "answer"], ignore_duplicates=True)
reversion.register(
    Page, fields=["title", "description", "body"], ignore_duplicates=True
)
reversion.register(SafetyNote, fields=["text"], ignore_duplicates=True)
reversion.register(
    SupportService,
    fields=["name", "phone", "text", "text_number", "url", "note"],
    ignore_duplicates=True,
)


@admin.register(PracticeDetails)
class PracticeDetailsAdmin(RevisionsAdmin, AdvertisingCheckAdmin):
    formfield_overrides = LONG_TEXT
    advertising_fields = ("tagline", "serves", "helps_with", "online_note")
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
class TherapistAdmin(RevisionsAdmin, AdvertisingCheckAdmin):
    formfield_overrides = LONG_TEXT
    advertising_fields = ("credentials", "role", "introduction", "bio")
    list_display = ["name", "title", "registration_number", "accepting_consults"]
    list_editable = ["accepting_consults"]
    prepopulated_fields = {"slug": ["name"]}
    fieldsets = [
        (None, {"fields": ["name", "slug", "role", "introduction", "bio", "photo", "photo_alt"]}),
        (
            _("Registration with the College (shown on every page)"),
            {
                "fields": [
                    "register_name", "title", "registration_number", "register_url",
                    "credentials",
                ]
            },
        ),
        (None, {"fields": ["email", "accepting_consults"]}),
    ]  # fmt: skip


@admin.register(FAQEntry)
class FAQEntryAdmin(RevisionsAdmin, AdvertisingCheckAdmin):
    formfield_overrides = LONG_TEXT
    advertising_fields = ("question", "answer")
    list_display = ["question", "order"]
    list_editable = ["order"]
    search_fields = ["question", "answer"]


@admin.register(Page)
class PageAdmin(RevisionsAdmin, AdvertisingCheckAdmin):
    formfield_overrides = LONG_TEXT
    advertising_fields = ("title", "description", "body")
    list_display = ["title", "placeholders_left", "updated_at"]
    fields = ["title", "description", "body", "updated_at"]
    readonly_fields = ["updated_at"]

    @admin.display(description=_("placeholders left"))
    def placeholders_left(self, page: Page) -> int:
        return len(page.placeholders)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # each page has its own address; the set is fixed

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def view_on_site(self, page: Page) -> str:
        return reverse(page.slug)


@admin.register(SupportService)
class SupportServiceAdmin(RevisionsAdmin, BoundedModelAdmin):
    list_display = ["name", "phone", "text", "status", "order"]
    list_editable = ["order"]
    fields = [
        "name", "phone", "text", "text_number", "url", "note", "verified",
        "verified_where", "order",
    ]  # fmt: skip

    @admin.display(description="on the site?")
    def status(self, obj: SupportService) -> str:
        return "shown" if obj.verified else "to confirm (not shown yet)"


@admin.register(SafetyNote)
class SafetyNoteAdmin(RevisionsAdmin, BoundedModelAdmin):
    formfield_overrides = {models.TextField: long_text_field(2000)}

    def has_add_permission(self, request: HttpRequest) -> bool:
        return not SafetyNote.objects.exists()

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False
