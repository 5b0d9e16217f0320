"""Markdown written in the admin, turned into HTML that is safe to show anyone.

Rendered with markdown-it-py, whose parser does work in proportion to the text's length
(Python-Markdown took 10 s for 16,000 characters of "[x][" and four times that for
twice as many), and only up to MARKDOWN_MAX_LENGTH characters, which the admin's forms
refuse to go past: a few rules (smart quotes) copy the text once per change, so the
length itself is the last bound.
"""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import unquote, urlsplit

import nh3
from markdown_it import MarkdownIt

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

# About 5,000 words: five times the site's first article (6,365 characters). At this
# length the slowest text we found (a run of "![") renders in about a second.
MARKDOWN_MAX_LENGTH = 30_000

# CommonMark with tables, and typographic quotes and dashes (what "smarty" gave).
_PARSER = MarkdownIt("commonmark", {"typographer": True}).enable(
    ["table", "replacements", "smartquotes"]
)


def _image_description_first(self, tokens, idx, options, env) -> str:
    # markdown-it's own image rule, with the description before the address as the
    # pages have always had it.
    token = tokens[idx]
    alt = self.renderInlineAsText(token.children or [], options, env)
    token.attrs = {"alt": alt} | {k: v for k, v in token.attrs.items() if k != "alt"}
    return self.renderToken(tokens, idx, options, env)


_PARSER.add_render_rule("image", _image_description_first)
# Every link and picture address is kept for nh3 to judge, so that one list of schemes
# (ALLOWED_URL_SCHEMES) decides; markdown-it would otherwise show a refused one as text.
_PARSER.validateLink = lambda url: True

# nh3 writes every attribute as name="value" and escapes any <, > or " inside a value,
# so in its output these match a whole picture and its address exactly.
PICTURE = re.compile(r"<img [^>]*>")
PICTURE_ADDRESS = re.compile(r' src="([^"]*)"')


class TooLong(ValueError):
    pass


def render_markdown(text: str) -> str:
    if len(text) > MARKDOWN_MAX_LENGTH:  # the admin's forms say so before this
        raise TooLong(len(text))
    html = _PARSER.render(text)
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
    return PICTURE.sub(_only_from_this_site, html).replace("<p></p>", "").strip()


def _only_from_this_site(picture: re.Match[str]) -> str:
    """The picture if it comes from this site: the CSP (img-src 'self') blocks the rest."""
    address = PICTURE_ADDRESS.search(picture[0])
    if address is None:
        return ""
    # Browsers read "\" as "/", so "/\other.example" is as off-site as "//other.example";
    # markdown-it writes that backslash as %5C.
    parts = urlsplit(unquote(unescape(address[1])).replace("\\", "/"))
    return picture[0] if not parts.scheme and not parts.netloc else ""
