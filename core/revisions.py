"""Every change to the therapist's texts can be undone: history, comparison, restore.

Storage is django-reversion: one table of versions for every model, so no app needs a
history table of its own. Each app registers its texts with `reversion.register(Model,
fields=[...])` naming only the words she writes: a restore puts back exactly those
words, never the publishing state, the address or anything else. Consults and emails
are personal data and are never registered (the purge must be able to forget them).

The admin side is RevisionsAdmin: saving in the admin records a version with who and
when; the history page lists them; two can be compared; one can be restored.
"""

from __future__ import annotations

import difflib
import re

import reversion
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from reversion.models import Version
from reversion.revisions import _get_options

# Words and the spaces between them: a change reads as the words that changed.
TOKENS = re.compile(r"\s+|[^\s]+")


def versioned_fields(model) -> list[str]:
    return list(_get_options(model).fields)


def word_diff(old: str, new: str) -> SafeString:
    """The new text with removed words in <del> and added ones in <ins>, all escaped.

    SequenceMatcher's work grows with the texts' lengths, which the forms bound
    (core.markdown.MARKDOWN_MAX_LENGTH); its "junk" heuristic skips the commonest
    tokens (spaces), which keeps long texts quick.
    """
    a, b = TOKENS.findall(old or ""), TOKENS.findall(new or "")
    out: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b).get_opcodes():
        if op == "equal":
            out.append(escape("".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(f"<del>{escape(''.join(a[i1:i2]))}</del>")
        if j2 > j1:
            out.append(f"<ins>{escape(''.join(b[j1:j2]))}</ins>")
    return mark_safe("".join(out))  # every piece of text above went through escape()


def compare(model, old: dict, new: dict) -> list[dict]:
    """Field by field: its label, whether it changed, and the marked-up difference."""
    rows = []
    for name in versioned_fields(model):
        field = model._meta.get_field(name)
        before, after = str(old.get(field.attname, "")), str(new.get(field.attname, ""))
        rows.append(
            {
                "label": capfirst(field.verbose_name),
                "changed": before != after,
                "diff": word_diff(before, after),
            }
        )
    return rows


def restore(obj, version: Version, *, user) -> None:
    """Put the version's words back into obj, and nothing else; a new version records it."""
    with reversion.create_revision():
        for name, value in version.field_dict.items():
            setattr(obj, name, value)
        obj.full_clean()
        obj.save()  # the model's save() renders its HTML again and clears caches
        reversion.set_user(user)
        reversion.set_comment(
            _("Restored the version of %(when)s.") % {"when": describe(version)}
        )


def describe(version: Version) -> str:
    return formats.date_format(
        timezone.localtime(version.revision.date_created), "l, F j, Y, g:i a"
    )


class RevisionsAdmin(admin.ModelAdmin):
    """A ModelAdmin whose saves are versioned, with history, compare and restore pages."""

    object_history_template = "admin/revisions/history.html"

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path(
                "<path:object_id>/history/compare/",
                self.admin_site.admin_view(self.compare_view),
                name=f"{prefix}_compare",
            ),
            path(
                "<path:object_id>/history/<int:version_id>/restore/",
                self.admin_site.admin_view(self.restore_view),
                name=f"{prefix}_restore",
            ),
            *super().get_urls(),
        ]

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method != "POST":
            return super().changeform_view(request, object_id, form_url, extra_context)
        if object_id and self._would_save(request, object_id):
            self._keep_the_original(request, object_id)
        with reversion.create_revision():
            reversion.set_user(request.user)
            return super().changeform_view(request, object_id, form_url, extra_context)

    def _would_save(self, request: HttpRequest, object_id: str) -> bool:
        """Whether this POST's form is valid: a refused form writes nothing at all, not
        even the first version. Checked on its own copy, since validating changes it."""
        probe = self.get_object(request, unquote(object_id))
        if probe is None:
            return False
        form_class = self.get_form(request, probe, change=True)
        return form_class(request.POST, request.FILES, instance=probe).is_valid()

    def _keep_the_original(self, request: HttpRequest, object_id: str) -> None:
        """Texts shipped with the site (or written before history was kept) get a first
        version as they are, so that her first change here can be undone too."""
        obj = self.get_object(request, unquote(object_id))
        if obj is not None and not Version.objects.get_for_object(obj).exists():
            with reversion.create_revision():
                reversion.add_to_revision(obj)
                reversion.set_comment(_("As it was before your first change here."))

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        if reversion.is_active():
            reversion.set_comment(entry.get_change_message() or _("Saved."))
        return entry

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        if reversion.is_active():
            reversion.set_comment(_("Written."))
        return entry

    def _object_and_versions(self, request: HttpRequest, object_id: str):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        versions = Version.objects.get_for_object(obj).select_related("revision__user")
        return obj, versions

    def _context(self, request: HttpRequest, obj, **extra) -> dict:
        return {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": obj,
            "change_url": reverse(
                f"admin:{self.opts.app_label}_{self.opts.model_name}_change",
                args=[obj.pk],
            ),
            "history_url": reverse(
                f"admin:{self.opts.app_label}_{self.opts.model_name}_history",
                args=[obj.pk],
            ),
            **extra,
        }

    def history_view(self, request, object_id, extra_context=None):
        obj, versions = self._object_and_versions(request, object_id)
        versions = list(versions[:200])  # newest first; years of edits fit
        rows = [
            {
                "version": version,
                "when": describe(version),
                "who": version.revision.user or _("someone no longer with an account"),
                "comment": version.revision.get_comment(),
                "restore_url": reverse(
                    f"admin:{self.opts.app_label}_{self.opts.model_name}_restore",
                    args=[obj.pk, version.pk],
                ),
            }
            for version in versions
        ]
        context = self._context(
            request,
            obj,
            title=_("History of “%(name)s”") % {"name": obj},
            rows=rows,
            compare_url=reverse(
                f"admin:{self.opts.app_label}_{self.opts.model_name}_compare",
                args=[obj.pk],
            ),
        )
        return TemplateResponse(request, self.object_history_template, context)

    def compare_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        obj, versions = self._object_and_versions(request, object_id)
        old = _version(versions, request.GET.get("old"))
        new = _version(versions, request.GET.get("new"))
        if old.revision.date_created > new.revision.date_created:
            old, new = new, old
        context = self._context(
            request,
            obj,
            title=_("Changes to “%(name)s”") % {"name": obj},
            old_when=describe(old),
            new_when=describe(new),
            rows=compare(self.model, old.field_dict, new.field_dict),
        )
        return TemplateResponse(request, "admin/revisions/compare.html", context)

    def restore_view(
        self, request: HttpRequest, object_id: str, version_id: int
    ) -> HttpResponse:
        obj, versions = self._object_and_versions(request, object_id)
        version = _version(versions, str(version_id))
        if request.method == "POST":
            if not self.has_change_permission(request, obj):
                raise PermissionDenied
            restore(obj, version, user=request.user)
            self.message_user(
                request,
                _("The version of %(when)s is back.") % {"when": describe(version)},
                messages.SUCCESS,
            )
            return HttpResponseRedirect(self._context(request, obj)["change_url"])
        current = {name: getattr(obj, name) for name in version.field_dict}
        context = self._context(
            request,
            obj,
            title=_("Restore the version of %(when)s?") % {"when": describe(version)},
            when=describe(version),
            rows=compare(self.model, current, version.field_dict),
        )
        return TemplateResponse(request, "admin/revisions/restore.html", context)


def _version(versions, version_id: str | None) -> Version:
    if not version_id or not version_id.isdigit():
        raise Http404
    return get_object_or_404(versions, pk=int(version_id))
