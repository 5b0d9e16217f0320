"""A picture uploaded in the admin (a cover, her photo, a picture inside an article):
refused when browsers cannot show it, and shrunk when it is wider than a page needs.
An optional picture on a page (a cover, her photo) is declared here once, with its
size and its description for people who cannot see it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.db.models.fields.files import FieldFile
from django.utils.translation import gettext as _

from core.images import MAX_WIDTH, SERVABLE_FORMATS, image_format, shrink

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def is_new_upload(picture: FieldFile) -> bool:
    """A file chosen in this form, not yet stored (a stored one was checked already)."""
    return bool(picture) and not getattr(picture, "_committed", True)


def why_unservable(picture: FieldFile) -> str | None:
    """What to tell her when a new upload is a kind of picture browsers cannot show."""
    if not is_new_upload(picture):
        return None
    kind = image_format(picture.file)
    if kind in SERVABLE_FORMATS:
        return None
    return _(
        "Web browsers can’t show this kind of picture (%(kind)s). Please save it as a "
        "JPEG, PNG, WebP or GIF (most photo apps can) and upload that instead."
    ) % {"kind": kind}


def shrink_upload(
    picture: FieldFile, *, max_width: int = MAX_WIDTH, name: str = "picture"
) -> tuple[int, int] | None:
    """Shrinks a new upload in place; its new (width, height), or None if it fits."""
    if not is_new_upload(picture):
        return None
    smaller = shrink(picture.file, max_width=max_width)
    if smaller is None:
        return None
    data, width, height = smaller
    picture.save(picture.name or name, ContentFile(data), save=False)
    return width, height


def optional_picture(
    name: str,
    *,
    label: StrOrPromise,
    upload_to: str,
    help_text: StrOrPromise,
    alt_label: StrOrPromise,
    alt_help_text: StrOrPromise,
) -> tuple[
    models.ImageField,
    models.PositiveIntegerField,
    models.PositiveIntegerField,
    models.CharField,
]:
    """The fields `name`, `name_width`, `name_height` and `name_alt`, to be assigned to
    those names in the model (the picture finds its size fields by them)."""
    return (
        models.ImageField(
            label,
            upload_to=upload_to,
            blank=True,
            width_field=f"{name}_width",
            height_field=f"{name}_height",
            help_text=help_text,
        ),
        models.PositiveIntegerField(null=True, blank=True, editable=False),
        models.PositiveIntegerField(null=True, blank=True, editable=False),
        models.CharField(
            alt_label, max_length=200, blank=True, help_text=alt_help_text
        ),
    )


def described(name: str, *, constraint_name: str) -> models.CheckConstraint:
    """The database's refusal of a picture stored without its description."""
    return models.CheckConstraint(
        condition=models.Q(**{name: ""}) | ~models.Q(**{f"{name}_alt": ""}),
        name=constraint_name,
    )


def check_picture(picture: FieldFile, alt: str, *, missing_alt: StrOrPromise) -> None:
    """Refuses an optional picture browsers cannot show, or one given no description;
    each error is put on its own field (`name`, `name_alt`)."""
    errors: dict[str, object] = {}
    if refusal := why_unservable(picture):
        errors[picture.field.name] = refusal
    if picture and not alt.strip():
        errors[f"{picture.field.name}_alt"] = missing_alt
    if errors:
        raise ValidationError(errors)
