from __future__ import annotations

import math
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from attachment.models import Therapist
from core.markdown import render_markdown
from core.pictures import (
    check_picture,
    described,
    optional_picture,
    shrink_upload,
    why_unservable,
)

SUMMARY_ADVISED_LENGTH = 160
WORDS_PER_MINUTE = 200

MARKDOWN_HELP = _(
    "Write as in an email. A blank line starts a new paragraph. "
    "## Heading · ### Smaller heading · **bold** · *italic* · "
    "- a bulleted item · 1. a numbered item · [words to click](https://address) · "
    "> a quotation. Save, then use “Preview” to see it exactly as visitors will."
)


class Tag(models.Model):
    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(
        _("slug"),
        unique=True,
        help_text=_(
            "The tag's address. The quiz recommends articles tagged secure, "
            "anxious-preoccupied, dismissive-avoidant or fearful-avoidant."
        ),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("articles:tag", args=[self.slug])


class ArticleQuerySet(models.QuerySet):
    def published(self, now: datetime | None = None) -> ArticleQuerySet:
        """Articles visitors may read: a publish time that has come (scheduled ones appear by themselves)."""
        return self.filter(publish_at__lte=now or timezone.now())


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SCHEDULED = "scheduled", _("Scheduled")
        PUBLISHED = "published", _("Published")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        help_text=_(
            "The end of the article's address (/articles/…/). Filled from the title."
        ),
    )
    author = models.ForeignKey(
        Therapist, models.PROTECT, related_name="articles", verbose_name=_("author")
    )
    summary = models.CharField(
        _("summary"),
        max_length=300,
        help_text=_(
            "One or two sentences, shown in lists and to search engines. "
            "Search engines cut it after about 160 characters."
        ),
    )
    body = models.TextField(_("body"), help_text=MARKDOWN_HELP)
    body_html = models.TextField(editable=False, default="")
    cover, cover_width, cover_height, cover_alt = optional_picture(
        "cover",
        label=_("cover image"),
        upload_to="articles/",
        help_text=_("Optional. Large pictures are shrunk to 1600 pixels wide."),
        alt_label=_("cover image description"),
        alt_help_text=_(
            "Describes the picture for people who cannot see it. Required with a picture."
        ),
    )
    tags = models.ManyToManyField(
        Tag,
        through="Tagging",
        related_name="articles",
        blank=True,
        verbose_name=_("tags"),
    )
    publish_at = models.DateTimeField(
        _("publish at"),
        null=True,
        blank=True,
        help_text=_(
            "Empty: a draft nobody else sees. A time to come: it appears by itself then. "
            "A time past: published."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = [models.F("publish_at").desc(nulls_first=True), "-pk"]
        get_latest_by = "publish_at"
        verbose_name = _("article")
        indexes = [
            # Every public list reads articles in (publish_at, id) order, newest first:
            # walked backwards, this index hands out any page, a neighbour or the
            # newest candidates for "related" without sorting the table.
            models.Index(fields=["publish_at", "id"], name="articles_published_idx"),
            # The sitemap index's "last changed" is the newest edit of a published
            # article: read backwards from here, the first published entry is the
            # answer (Index Only Scan Backward, 0.05 ms at 10,000; 7.7 ms scanning).
            models.Index(
                fields=["updated_at", "publish_at"], name="articles_updated_idx"
            ),
        ]
        constraints = [
            described("cover", constraint_name="articles_article_cover_has_alt")
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("articles:detail", args=[self.slug])

    def get_preview_url(self) -> str:
        return reverse("articles:preview", args=[self.pk])

    def status(self, now: datetime | None = None) -> Article.Status:
        if self.publish_at is None:
            return self.Status.DRAFT
        if self.publish_at > (now or timezone.now()):
            return self.Status.SCHEDULED
        return self.Status.PUBLISHED

    def is_published(self, now: datetime | None = None) -> bool:
        return self.status(now) == self.Status.PUBLISHED

    @property
    def last_changed(self) -> datetime:
        """When readers last saw it change: an article written ahead appears new on its
        publication date, and one edited since shows the edit."""
        if self.publish_at is None:
            return self.updated_at
        return max(self.publish_at, self.updated_at)

    @property
    def reading_minutes(self) -> int:
        return max(1, math.ceil(len(self.body.split()) / WORDS_PER_MINUTE))

    @property
    def summary_too_long(self) -> bool:
        return len(self.summary) > SUMMARY_ADVISED_LENGTH

    def clean(self) -> None:
        check_picture(
            self.cover,
            self.cover_alt,
            missing_alt=_("Please describe the picture for screen readers."),
        )

    def save(self, *args, **kwargs) -> None:
        self.body_html = render_markdown(self.body)
        if size := shrink_upload(self.cover, name="cover"):
            self.cover_width, self.cover_height = size
        super().save(*args, **kwargs)
        date_taggings(Tagging.objects.filter(article=self))


class Tagging(models.Model):
    """An article's topic, with the article's publication time copied beside it.

    A topic's page then reads its articles in order from one index (topic, time,
    article), as the list reads the articles' own, instead of joining and sorting every
    article of the topic (8 ms at 10,000 articles, growing with them). The copy is kept
    true by `date_taggings`, after an article is saved and after topics are given.
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE)
    # The index below leads with the topic: a second one on it alone would only cost.
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, db_index=False)
    publish_at = models.DateTimeField(null=True, editable=False)

    class Meta:
        db_table = (
            "articles_article_tags"  # the table Django made for the tags at first
        )
        unique_together = [("article", "tag")]
        indexes = [
            models.Index(
                fields=["tag", "publish_at", "article"], name="articles_tagging_idx"
            )
        ]

    def __str__(self) -> str:
        return f"{self.article} · {self.tag}"


def date_taggings(taggings: models.QuerySet[Tagging]) -> None:
    """Copy each article's publication time onto these taggings (one UPDATE)."""
    published = Article.objects.filter(pk=models.OuterRef("article_id"))
    taggings.update(publish_at=models.Subquery(published.values("publish_at")[:1]))


class ArticlePicture(models.Model):
    """A picture placed inside an article's text, written there as Markdown:
    ![description](address). Shrunk on upload like a cover."""

    image = models.ImageField(
        _("picture"),
        upload_to="articles/pictures/",
        width_field="width",
        height_field="height",
    )
    width = models.PositiveIntegerField(null=True, editable=False)
    height = models.PositiveIntegerField(null=True, editable=False)
    description = models.CharField(
        _("description"),
        max_length=200,
        help_text=_("Describes the picture for people who cannot see it."),
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at", "-pk"]
        verbose_name = _("picture in an article")
        verbose_name_plural = _("pictures in articles")

    def __str__(self) -> str:
        return self.description

    @property
    def markdown(self) -> str:
        # Square brackets would end the description early; a backslash keeps them text.
        text = self.description.replace("\\", "\\\\").replace("[", "\\[")
        return f"![{text.replace(']', chr(92) + ']')}]({self.image.url})"

    def clean(self) -> None:
        if refusal := why_unservable(self.image):
            raise ValidationError({"image": refusal})
        if not self.description.strip():
            raise ValidationError(
                {"description": _("Please describe the picture for screen readers.")}
            )

    def save(self, *args, **kwargs) -> None:
        if size := shrink_upload(self.image):
            self.width, self.height = size
        super().save(*args, **kwargs)
