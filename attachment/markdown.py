"""Markdown written in the admin, turned into HTML that is safe to show anyone."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import urlsplit

import markdown as markdown_lib
import nh3

# What the therapist can write: text, headings, lists, links, tables, images. No script,
# no event handler, no style, no frame: anything not listed here is removed.
ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "caption", "code", "dd", "del", "dl", "dt", "em",
    "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "img", "li", "ol",
    "p", "pre", "strong", "sub", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "img": {"src", "alt", "title", "width", "height"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}

# nh3 writes every attribute as name="value" and escapes any <, > or " inside a value,
# so in its output these match a whole picture and its address exactly.
PICTURE = re.compile(r"<img [^>]*>")
PICTURE_ADDRESS = re.compile(r' src="([^"]*)"')


def render_markdown(text: str) -> str:
    html = markdown_lib.markdown(text, extensions=["tables", "sane_lists", "smarty"])
    html = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        set_tag_attribute_values={"img": {"loading": "lazy"}},
    )
    # The page's title is its only <h1>; a "# Heading" in the text is the level below.
    html = html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    return PICTURE.sub(_only_from_this_site, html).replace("<p></p>", "")


def _only_from_this_site(picture: re.Match[str]) -> str:
    """The picture if it comes from this site: the CSP (img-src 'self') blocks the rest."""
    address = PICTURE_ADDRESS.search(picture[0])
    if address is None:
        return ""
    # Browsers read "\" as "/", so "/\other.example" is as off-site as "//other.example".
    parts = urlsplit(unescape(address[1]).replace("\\", "/"))
    return picture[0] if not parts.scheme and not parts.netloc else ""
