from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponseRedirect
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from articles.models import SUMMARY_ADVISED_LENGTH, Article, Tag
from articles.urls import urlpatterns
from attachment.admin import LONG_TEXT, AdvertisingCheckAdmin
from core.text import BoundedModelAdmin

# The first part of every other address under /articles/ (feed/, tag/…, preview/…).
# An article with one of these slugs would be hidden behind that page, now or later.
RESERVED_SLUGS = {
    route.split("/")[0]
    for route in (str(pattern.pattern) for pattern in urlpatterns)
    if route and not route.startswith("<")  # not the list, not the article itself
}


class StatusFilter(admin.SimpleListFilter):
    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return Article.Status.choices

    def queryset(self, request, queryset: QuerySet[Article]) -> QuerySet[Article]:
        now = timezone.now()
        match self.value():
            case Article.Status.DRAFT:
                return queryset.filter(publish_at__isnull=True)
            case Article.Status.SCHEDULED:
                return queryset.filter(publish_at__gt=now)
            case Article.Status.PUBLISHED:
                return queryset.filter(publish_at__lte=now)
        return queryset


@admin.register(Tag)
class TagAdmin(BoundedModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


class ArticleForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = "__all__"
        widgets = {
            "title": forms.TextInput(attrs={"class": "vLargeTextField"}),
            "summary": forms.Textarea(attrs={"rows": 3}),
            "body": forms.Textarea(attrs={"rows": 24}),
        }

    def clean_slug(self) -> str:
        slug = self.cleaned_data["slug"]
        if slug in RESERVED_SLUGS:
            raise forms.ValidationError(
                _(
                    "The site uses “%(slug)s” for its own pages under /articles/. "
                    "Please choose a different slug, for example one with more words "
                    "from the title."
                ),
                params={"slug": slug},
            )
        return slug


@admin.register(Article)
class ArticleAdmin(AdvertisingCheckAdmin):
    form = ArticleForm
    formfield_overrides = LONG_TEXT
    advertising_fields = ("title", "summary", "body")
    change_form_template = "articles/admin/change_form.html"
    list_display = ["title", "status_label", "publish_at", "author", "updated_at"]
    list_filter = [StatusFilter, "author", "tags"]
    search_fields = ["title", "summary", "body"]
    date_hierarchy = "publish_at"
    prepopulated_fields = {"slug": ["title"]}
    # Not autocomplete_fields: Django's autocomplete widget raises (a 500) while
    # re-rendering a form posted with a made-up tag id; this widget says it is invalid.
    filter_horizontal = ["tags"]
    list_select_related = ["author"]
    actions = ["publish_now", "back_to_draft"]
    readonly_fields = ["preview_link", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "author", "summary", "body"]}),
        (_("Picture"), {"fields": ["cover", "cover_alt"]}),
        (_("Topics"), {"fields": ["tags"]}),
        (
            _("Publishing"),
            {"fields": ["publish_at", "preview_link", "created_at", "updated_at"]},
        ),
    ]

    @admin.display(description=_("status"))
    def status_label(self, article: Article) -> str:
        return str(article.status().label)

    @admin.display(description=_("preview"))
    def preview_link(self, article: Article) -> str:
        if article.pk is None:
            return _("Save the article first, then preview it here.")
        return format_html(
            '<a href="{}" target="_blank">{}</a> ({})',
            article.get_preview_url(),
            _("Preview this article"),
            article.status().label,
        )

    def view_on_site(self, article: Article) -> str:
        return article.get_preview_url()

    @admin.action(description=_("Publish the selected articles now"))
    def publish_now(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        not_yet = queryset.filter(
            Q(publish_at__isnull=True) | Q(publish_at__gt=timezone.now())
        )
        count = 0
        for article in not_yet:  # save() so the cache is cleared and updated_at moves
            article.publish_at = timezone.now()
            article.save()
            count += 1
        self.message_user(
            request,
            ngettext("%d article published.", "%d articles published.", count) % count,
            messages.SUCCESS,
        )

    @admin.action(description=_("Take the selected articles back to draft"))
    def back_to_draft(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        count = 0
        for article in queryset.filter(publish_at__isnull=False):
            article.publish_at = None
            article.save()
            count += 1
        self.message_user(
            request,
            ngettext(
                "%d article is a draft again.", "%d articles are drafts again.", count
            )
            % count,
            messages.SUCCESS,
        )

    def save_model(
        self, request: HttpRequest, article: Article, form, change: bool
    ) -> None:
        if "_publish" in request.POST:
            article.publish_at = timezone.now()
        super().save_model(request, article, form, change)
        if article.summary_too_long:
            self.message_user(
                request,
                _(
                    "The summary is %(length)d characters long; search engines show about "
                    "%(advised)d. It is saved; consider shortening it."
                )
                % {"length": len(article.summary), "advised": SUMMARY_ADVISED_LENGTH},
                messages.WARNING,
            )

    def response_change(self, request: HttpRequest, article: Article):
        if "_publish" in request.POST:
            self.message_user(
                request,
                _("“%(title)s” is published.") % {"title": article.title},
                messages.SUCCESS,
            )
            return HttpResponseRedirect(request.path)
        return super().response_change(request, article)
