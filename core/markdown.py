"""Markdown written in the admin, turned into HTML that is safe to show anyone.

Rendered with markdown-it-py (Python-Markdown took 10 s for 16,000 characters of "[x][",
and four times that for twice as many). markdown-it-py does work in proportion to the
length for most text, but each "[" costs about 250 Python steps (28,000 characters of
"[x][" took 2 s), and an unclosed one makes it read on to the end of the paragraph,
through every emphasis mark (1,000 "![" then 28,000 characters of "*a": 5 s); curly
quotes copy the text once per quote mark. So a text is refused, with a plain message in
the admin, before it is parsed, past any of the limits below; within them the slowest
text we found takes well under a second.
"""

from __future__ import annotations

import re
from html import unescape
from itertools import pairwise
from urllib.parse import unquote, urlsplit

import nh3
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
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
    "td": {"colspan", "rowspan", "data-label"},
    "ol": {"start"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}

# About 3,300 words: three times the site's first article (6,365 characters, 13 "[").
# "*a" costs about 32 Python steps a character, the most of any text without links.
MARKDOWN_MAX_LENGTH = 20_000
# Each link or picture takes one "[": 1,000 of them is a long reading list.
MARKDOWN_MAX_BRACKETS = 1_000
# Curly quotes are put in by copying the text once per quote mark: 3,000 of them is a
# quotation or an apostrophe in every other sentence.
MARKDOWN_MAX_QUOTES = 3_000
# How far the parser may read, in all, from each "[" to its "]" and from each "](" to
# the end of its address (see link_reach). The site's first article needs 143; 10 "!["
# before 30,000 characters of "*a" needed 298,100, and 6 million Python steps.
MARKDOWN_MAX_REACH = 5_000

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


def _label_table_cells(state) -> None:
    # A narrow screen shows each table row as a stack of cells (site.css); each cell
    # then carries its column's heading in data-label, shown before it.
    headings: list[str] = []
    column = 0
    # Each token with the one after it (None after the last); an empty text has none.
    for token, following in pairwise([*state.tokens, None]):
        if token.type == "thead_open":
            headings = []
        elif token.type == "th_open" and following is not None:
            headings.append(following.content.strip())
        elif token.type == "tr_open":
            column = 0
        elif token.type == "td_open":
            if column < len(headings) and headings[column]:
                token.attrSet("data-label", headings[column])
            column += 1


_PARSER.core.ruler.push("table_labels", _label_table_cells)
# Every link and picture address is kept for nh3 to judge, so that one list of schemes
# (ALLOWED_URL_SCHEMES) decides; markdown-it would otherwise show a refused one as text.
_PARSER.validateLink = lambda url: True  # type: ignore[method-assign]

# nh3 writes every attribute as name="value" and escapes any <, > or " inside a value,
# so in its output these match a whole picture and its address exactly.
PICTURE = re.compile(r"<img [^>]*>")
PICTURE_ADDRESS = re.compile(r' src="([^"]*)"')


def validate_markdown_size(text: str) -> None:
    if len(text) > MARKDOWN_MAX_LENGTH:
        raise ValidationError(
            _(
                "This is %(length)d characters long; a page can hold at most %(limit)d "
                "(about 3,300 words). Please shorten it, or split it into two."
            ),
            code="max_length",
            params={"length": len(text), "limit": MARKDOWN_MAX_LENGTH},
        )
    brackets = text.count("[")
    if brackets > MARKDOWN_MAX_BRACKETS:
        raise ValidationError(
            _(
                "This has %(count)d square brackets “[”; a page can hold at most "
                "%(limit)d (each link or picture uses one). Please take some out, or "
                "split it into two."
            ),
            code="brackets",
            params={"count": brackets, "limit": MARKDOWN_MAX_BRACKETS},
        )
    quotes = text.count('"') + text.count("'")
    if quotes > MARKDOWN_MAX_QUOTES:
        raise ValidationError(
            _(
                "This has %(count)d quotation marks and apostrophes; a page can hold at "
                "most %(limit)d. Please take some out, or split it into two."
            ),
            code="quotes",
            params={"count": quotes, "limit": MARKDOWN_MAX_QUOTES},
        )
    if link_reach(text) > MARKDOWN_MAX_REACH:
        raise ValidationError(
            _(
                "Some square brackets “[” or link addresses “](” here are never closed, "
                "or only far away. Please close each “[” with “]” and each address with "
                "“)”, or write \\[ for a bracket that is meant to stay as it is."
            ),
            code="brackets",
        )


def link_reach(text: str) -> int:
    """The characters markdown-it reads looking for links: from each "[" to its "]" (or
    the end of its paragraph), and from each "](" to the space or ")" that ends the
    address (or the end of its line). An estimate from above: escapes and code spans are
    not told apart. One pass, so it costs what the text's length does."""
    total, start = 0, 0
    brackets: list[int] = []
    for line in text.splitlines(keepends=True):
        if not line.strip():  # a blank line ends the paragraph: no link crosses it
            total += sum(start - i for i in brackets)
            brackets = []
        address = None
        for i, character in enumerate(line, start):
            if address is not None and (character.isspace() or character == ")"):
                total, address = total + i - address, None
            if character == "[":
                brackets.append(i)
            elif character == "]" and brackets:
                total += i - brackets.pop()
            elif character == "(" and i > start and line[i - start - 1] == "]":
                address = i
        start += len(line)
        if address is not None:
            total += start - address
    return total + sum(start - i for i in brackets)


def render_markdown(text: str) -> str:
    validate_markdown_size(text)  # the admin's forms say so before saving
    html = _PARSER.render(text)
    html = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        set_tag_attribute_values={
            "img": {"loading": "lazy"},
            # Stacked on a phone by CSS, a table would lose its table semantics in some
            # browsers; these roles keep it a table for screen readers.
            "table": {"role": "table"},
            "thead": {"role": "rowgroup"},
            "tbody": {"role": "rowgroup"},
            "tr": {"role": "row"},
            "th": {"role": "columnheader"},
            "td": {"role": "cell"},
        },
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
