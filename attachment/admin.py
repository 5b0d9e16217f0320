from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from attachment.models import FAQEntry, PracticeDetails, Therapist

admin.site.site_header = "The Therapeutic Way"
admin.site.site_title = "The Therapeutic Way"
admin.site.index_title = "Your practice"


@admin.register(PracticeDetails)
class PracticeDetailsAdmin(admin.ModelAdmin):
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
class TherapistAdmin(admin.ModelAdmin):
    list_display = ["name", "credentials", "accepting_consults"]
    list_editable = ["accepting_consults"]
    prepopulated_fields = {"slug": ["name"]}
    fields = [
        "name", "slug", "credentials", "role", "bio", "photo", "photo_alt", "email",
        "accepting_consults",
    ]  # fmt: skip


@admin.register(FAQEntry)
class FAQEntryAdmin(admin.ModelAdmin):
    list_display = ["question", "order"]
    list_editable = ["order"]
    search_fields = ["question", "answer"]
