"""A picture uploaded in the admin (a cover, her photo, a picture inside an article):
refused when browsers cannot show it, and shrunk when it is wider than a page needs."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.db.models.fields.files import FieldFile
from django.utils.translation import gettext as _

from core.images import MAX_WIDTH, SERVABLE_FORMATS, image_format, shrink


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
