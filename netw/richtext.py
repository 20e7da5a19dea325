"""Rich text written in Markdown, rendered to HTML and sanitised before display.

Authors write Markdown (headings, lists, links, emphasis, tables); whatever HTML they type is
removed by nh3, so a ``<script>`` in any field is rendered inert. Links get ``rel="noopener
noreferrer nofollow"``. Use ``{% load richtext %}{{ text|markdown }}`` in templates.
"""

from __future__ import annotations

import functools
import re
import threading

import markdown as markdown_lib
import nh3
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "code", "pre",
    "blockquote", "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td", "abbr",
    "dl", "dt", "dd", "sup", "sub",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}}
URL_SCHEMES = {"http", "https", "mailto"}

# Headings inside a record start below the page's own h1.
_HEADING_SHIFT = re.compile(r"<(/?)h([1-5])\b")


# Building a Markdown converter costs more than most conversions: each thread keeps one of each
# kind (a converter is not thread-safe) and resets it between texts.
_converters = threading.local()


def _convert(text: str, *, lists: bool) -> str:
    name = "lists" if lists else "plain"
    converter = getattr(_converters, name, None)
    if converter is None:
        extensions = ["extra", "sane_lists"] if lists else ["extra"]
        converter = markdown_lib.Markdown(extensions=extensions, output_format="html")
        setattr(_converters, name, converter)
    return converter.reset().convert(text)


def render_markdown(text: str) -> SafeString:
    if not text:
        return mark_safe("")  # noqa: S308 - empty
    return mark_safe(_render(text))  # noqa: S308 - sanitised by nh3 in _render


# The same texts come back on every view of a page: the last ones rendered are kept (a few MB).
@functools.lru_cache(maxsize=1024)
def _render(text: str) -> str:
    html = _convert(text, lists=True)
    html = _HEADING_SHIFT.sub(lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}", html)
    return nh3.clean(
        html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow", strip_comments=True,
    )


@functools.lru_cache(maxsize=1024)
def plain_text(text: str) -> str:
    """The text without any markup, for metadata tags and feeds."""
    html = _convert(text or "", lists=False)
    return " ".join(nh3.clean(html, tags=set()).split())


def highlight(text: str, terms: list[str]) -> SafeString:
    """Escape ``text`` and wrap each occurrence of the search terms in ``<mark>``."""
    escaped = escape(text or "")
    words = [re.escape(escape(t)) for t in terms if len(t) > 1]
    if not words:
        return mark_safe(escaped)  # noqa: S308 - escaped
    pattern = re.compile("(" + "|".join(words) + ")", re.IGNORECASE)
    return mark_safe(pattern.sub(r"<mark>\1</mark>", escaped))  # noqa: S308 - escaped
