"""Shrinking uploaded pictures to a size a page needs (Pillow only, no Django)."""

from __future__ import annotations

from io import BytesIO
from typing import BinaryIO

from PIL import Image, ImageOps

MAX_WIDTH = 1600
# What every browser shows. MPO is what Pillow calls the JPEG many phone cameras write.
SERVABLE_FORMATS = {"JPEG", "MPO", "PNG", "WEBP", "GIF"}


def image_format(source: BinaryIO) -> str | None:
    """Pillow's name for the picture's format, such as "JPEG"."""
    source.seek(0)
    with Image.open(source) as image:
        return image.format


def shrink(
    source: BinaryIO, *, max_width: int = MAX_WIDTH
) -> tuple[bytes, int, int] | None:
    """The picture at most max_width wide, as (bytes, width, height); None if it already fits.

    The camera's orientation is applied first, so that a portrait photo stays upright.
    """
    source.seek(0)
    with Image.open(source) as original:
        image_format = original.format or "PNG"
        image = ImageOps.exif_transpose(original)
        if image.width <= max_width:
            return None
        height = round(image.height * max_width / image.width)
        resized = image.resize((max_width, height), Image.Resampling.LANCZOS)
        if image_format == "JPEG" and resized.mode not in ("RGB", "L"):
            resized = resized.convert("RGB")
        out = BytesIO()
        resized.save(out, format=image_format, quality=85, optimize=True)
        return out.getvalue(), max_width, height
