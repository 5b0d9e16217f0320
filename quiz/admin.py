from __future__ import annotations

import reversion
from django.contrib import admin

from attachment.admin import AdvertisingCheckAdmin
from core.revisions import RevisionsAdmin
from core.text import BoundedModelAdmin
from quiz.models import (
    Practice,
    QuestionnairePermission,
    ResultTally,
    Style,
    StyleGuidance,
)

# The texts she writes are versioned (core.revisions); a restore puts back only these.
reversion.register(
    Style, fields=["name", "summary", "description"], ignore_duplicates=True
)
reversion.register(Practice, fields=["name", "text"], ignore_duplicates=True)
reversion.register(StyleGuidance, fields=["steps"], ignore_duplicates=True)


class GuidanceInline(admin.TabularInline):
    """A style's practices: renumbered and reworded here, never added or removed, so every
    result shows all five. Reordering is by number; the practice of a row stays put."""

    model = StyleGuidance
    extra = 0
    can_delete = False
    fields = ["order", "practice", "steps"]
    readonly_fields = ["practice"]
    ordering = ["order", "practice"]

    def get_min_num(self, request, obj=None, **kwargs) -> int:
        return Practice.objects.count()

    get_max_num = get_min_num


class FixedSetAdmin(RevisionsAdmin, AdvertisingCheckAdmin):
    """The four styles follow from the scoring rule and the five practices from the
    practice's article: their texts are hers to edit, but the set itself is fixed."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Style)
class StyleAdmin(FixedSetAdmin):
    advertising_fields = ("name", "summary", "description")
    advertising_inline_fields = ("steps",)
    list_display = ["name", "slug", "summary"]
    readonly_fields = ["slug"]
    inlines = [GuidanceInline]


@admin.register(Practice)
class PracticeAdmin(FixedSetAdmin):
    advertising_fields = ("name", "text")
    list_display = ["name", "slug"]
    readonly_fields = ["slug"]


@admin.register(StyleGuidance)
class StyleGuidanceAdmin(FixedSetAdmin):
    """One row per style and practice: moving a row to another style or practice would
    leave one result with four practices and another with six."""

    advertising_fields = ("steps",)
    list_display = ["style", "order", "practice"]
    list_filter = ["style", "practice"]
    readonly_fields = ["style", "practice"]


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


@admin.register(QuestionnairePermission)
class QuestionnairePermissionAdmin(BoundedModelAdmin):
    """The authors' written permission for each questionnaire; see the README."""

    list_display = ["instrument", "granted_on", "granted_by", "reference"]

    def get_changeform_initial_data(self, request) -> dict:
        # The admin's notice links here with ?instrument=<slug>.
        return {"instrument": request.GET.get("instrument", "")[:20]}
