from __future__ import annotations

from django.contrib import admin

from quiz.models import Practice, ResultTally, Style, StyleGuidance


class GuidanceInline(admin.TabularInline):
    model = StyleGuidance
    extra = 0
    fields = ["order", "practice", "steps"]
    ordering = ["order"]


class FixedSetAdmin(admin.ModelAdmin):
    """The four styles follow from the scoring rule and the five practices from the
    practice's article: their texts are hers to edit, but the set itself is fixed."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Style)
class StyleAdmin(FixedSetAdmin):
    list_display = ["name", "slug", "summary"]
    readonly_fields = ["slug"]
    inlines = [GuidanceInline]


@admin.register(Practice)
class PracticeAdmin(FixedSetAdmin):
    list_display = ["name", "slug"]
    readonly_fields = ["slug"]


@admin.register(StyleGuidance)
class StyleGuidanceAdmin(admin.ModelAdmin):
    list_display = ["style", "order", "practice"]
    list_filter = ["style", "practice"]


@admin.register(ResultTally)
class ResultTallyAdmin(admin.ModelAdmin):
    """Anonymous counts, kept by the quiz itself: to read, never to edit."""

    list_display = ["month", "instrument", "style", "count"]
    list_filter = ["instrument", "style", "month"]
    date_hierarchy = "month"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
