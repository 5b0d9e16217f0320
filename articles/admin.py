from __future__ import annotations

import reversion
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.checks import ModelAdminChecks
from django.contrib.admin.widgets import AdminFileWidget
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from django_htmx.http import trigger_client_event

from articles.editor import preview
from articles.models import SUMMARY_ADVISED_LENGTH, Article, ArticlePicture, Tag
from articles.urls import urlpatterns
from attachment.admin import LONG_TEXT, AdvertisingCheckAdmin
from core.paging import EstimatedCountPaginator
from core.revisions import RevisionsAdmin
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


class MarkdownEditor(forms.Textarea):
    """The Markdown box with, beside it, the article as visitors will read it: htmx asks
    the server to render it (articles.editor) a moment after she stops typing."""

    def __init__(self, attrs=None):
        super().__init__({"rows": 24, **(attrs or {})})

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        url = reverse("admin:articles_article_preview")
        textarea = super().render(
            name,
            value,
            {
                **(attrs or {}),
                "hx-post": url,
                "hx-trigger": "input changed delay:400ms",
                "hx-target": "#body-preview",
                "hx-params": f"{name},csrfmiddlewaretoken",
                "hx-sync": "this:replace",
                "aria-describedby": "editor-stats",
            },
            renderer,
        )
        return render_to_string(
            "articles/admin/markdown_editor.html",
            {"textarea": textarea, "preview_url": url, "name": name},
        )


class PictureForm(forms.ModelForm):
    class Meta:
        model = ArticlePicture
        fields = ["image", "description"]


class ArticleForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = "__all__"
        help_texts = {
            "body": _(
                "Write as in an email. A blank line starts a new paragraph. "
                "## Heading · ### Smaller heading · **bold** · *italic* · "
                "- a bulleted item · 1. a numbered item · [words to click](https://address) · "
                "> a quotation. The preview beside this box shows it as visitors will read it."
            )
        }
        widgets = {
            "title": forms.TextInput(attrs={"class": "vLargeTextField"}),
            "summary": forms.Textarea(attrs={"rows": 3}),
            "body": MarkdownEditor(),
            # Django renders a file input inside a fieldset whose legend does not name
            # the input itself; screen readers (and axe) need the input's own name.
            "cover": AdminFileWidget(attrs={"aria-label": _("Cover image file")}),
            # A tick box per topic: readable on a phone and by a screen reader, unlike
            # the two-list selector (whose help icons carry a forbidden aria-label).
            "tags": forms.CheckboxSelectMultiple,
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


# Her words only: a restore leaves the address, the publishing state and the pictures.
reversion.register(Article, fields=["title", "summary", "body"], ignore_duplicates=True)


class ArticleAdminChecks(ModelAdminChecks):
    """Django's admin refuses a many-to-many field with its own through model (E013), a
    rule from before forms could fill one (set() can since Django 2.2). The article's
    topics go through Tagging, whose one field of its own is filled after the form
    saves (articles.models.date_taggings), so the checkboxes stay as they were."""

    # django-stubs leave out this (private) method of Django's checks.
    def _check_field_spec_item(self, obj, field_name, label):
        if field_name == "tags":
            return []
        return super()._check_field_spec_item(obj, field_name, label)  # type: ignore[misc]


@admin.register(Article)
class ArticleAdmin(RevisionsAdmin, AdvertisingCheckAdmin):
    checks_class = ArticleAdminChecks
    form = ArticleForm
    formfield_overrides = LONG_TEXT
    advertising_fields = ("title", "summary", "body")
    change_form_template = "articles/admin/change_form.html"
    list_display = ["title", "status_label", "publish_at", "author", "updated_at"]
    list_filter = [StatusFilter, "author", "tags"]
    # Newest first straight from the (publish_at, id) index, one count per page.
    show_full_result_count = False
    paginator = EstimatedCountPaginator
    search_fields = ["title", "summary", "body"]
    date_hierarchy = "publish_at"
    prepopulated_fields = {"slug": ["title"]}
    # Not autocomplete_fields: Django's autocomplete widget raises (a 500) while
    # re-rendering a form posted with a made-up tag id; tick boxes say it is invalid.
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

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        if changelist.query:
            # Search results need no year-and-month bar, and building it over a search
            # walked the whole date index for the first and last match (53 ms at 10,000
            # articles, against 0.05 ms for the search itself).
            changelist.date_hierarchy = None
        return changelist

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        # The admin shows no field for a relation with its own through model; the
        # topics' one is filled after saving (ArticleAdminChecks says why it may).
        if db_field.name == "tags":
            return db_field.formfield(**kwargs)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_urls(self):
        return [
            path(
                "preview/",
                self.admin_site.admin_view(require_POST(self.preview_view)),
                name="articles_article_preview",
            ),
            path(
                "pictures/add/",
                self.admin_site.admin_view(require_POST(self.picture_view)),
                name="articles_article_picture",
            ),
            *super().get_urls(),
        ]

    def _may_write(self, request: HttpRequest) -> None:
        if not (
            self.has_add_permission(request) or self.has_change_permission(request)
        ):
            raise PermissionDenied

    def preview_view(self, request: HttpRequest) -> HttpResponse:
        self._may_write(request)
        body = request.POST.get("body", "")
        return render(request, "articles/admin/preview.html", preview(body))

    def picture_view(self, request: HttpRequest) -> HttpResponse:
        """Upload a picture; the page's script puts its Markdown at the cursor."""
        self._may_write(request)
        form = PictureForm(request.POST, request.FILES)
        if not form.is_valid():
            return render(request, "articles/admin/picture_result.html", {"form": form})
        picture = form.save()
        response = render(
            request, "articles/admin/picture_result.html", {"picture": picture}
        )
        return trigger_client_event(
            response, "picture-added", {"markdown": picture.markdown}
        )

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


@admin.register(ArticlePicture)
class ArticlePictureAdmin(admin.ModelAdmin):
    """The pictures placed in articles: to find one again, or remove one no longer used."""

    list_display = ["description", "uploaded_at", "width", "height"]
    search_fields = ["description"]
    readonly_fields = ["markdown", "uploaded_at"]
    fields = ["image", "description", "markdown", "uploaded_at"]

    @admin.display(description=_("to put it in an article, copy"))
    def markdown(self, picture: ArticlePicture) -> str:
        return picture.markdown if picture.pk else ""
