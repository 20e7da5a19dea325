"""Open Graph and Twitter card metadata, and the canonical address, of the public pages.

One place builds them: ``{% open_graph record %}`` on a record's page, ``{% open_graph
title=… description=… %}`` on a public list, both in the ``open_graph`` block of base.html
(netw/templatetags/open_graph.py renders ``templates/includes/open_graph.html``). Every address
is absolute on ``SITE_URL``, the portal's public address, whatever host the request came by.

A record page gets the tags only when a visitor may see the record (its model's
``visible_to(AnonymousUser())``, the rule the page itself follows): a draft, an unverified
provider or a private event shows nothing to crawlers, not even to its owner's browser, so no
title leaks through a shared link's preview.

What a record says comes from its fields, with small hooks a model may define when its fields
say it differently:

- the title: ``title``, else ``str(record)``;
- the description: ``open_graph_description()``, else the first of ``summary``, ``description``,
  ``theme``, ``agenda`` that has text, stripped of Markdown and HTML and shortened;
- the image: ``open_graph_image()`` (a path or an absolute URL, "" for none), else the
  portal's own image (static/img/og-default.png);
- the type: ``open_graph_type`` (``article`` for published items, ``website`` otherwise);
- the locale: the record's ``language``, else the page's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db.models import Model
from django.templatetags.static import static
from django.utils.text import Truncator
from django.utils.translation import get_language, to_locale
from django.utils.translation import gettext_lazy as _

from netw.access import PUBLIC_ATTR
from netw.richtext import plain_text

SITE_NAME = "Net-Works"
DESCRIPTION_LENGTH = 200
DEFAULT_IMAGE = "img/og-default.png"
DEFAULT_IMAGE_SIZE = (1200, 630)
DESCRIPTION_FIELDS = ("summary", "description", "theme", "agenda")
# A page without a description of its own reads the portal's (base.html's meta description).
DEFAULT_DESCRIPTION = _("Net-Works: networks of work-based adult education providers in Europe.")


def absolute_url(path_or_url: str) -> str:
    """``path_or_url`` on the portal's public address (``SITE_URL``); absolute URLs pass."""
    if not path_or_url or "://" in path_or_url:
        return path_or_url
    return settings.SITE_URL + path_or_url


def short_description(text: str, length: int = DESCRIPTION_LENGTH) -> str:
    """Markdown or HTML as one line of plain text, cut at a word with an ellipsis."""
    return Truncator(plain_text(text)).chars(length)


def og_locale(language: str | None) -> str:
    """A language code as Open Graph writes locales: ``pt`` → ``pt``, ``sr-latn`` →
    ``sr_Latn``, ``pt-br`` → ``pt_BR``."""
    return to_locale(language or get_language() or settings.LANGUAGE_CODE)


@dataclass(frozen=True)
class OpenGraph:
    title: str
    url: str  # absolute, also the canonical address
    description: str = ""
    type: str = "website"
    locale: str = ""
    image: str = ""  # absolute
    image_width: int | None = None
    image_height: int | None = None
    published: datetime | None = None
    modified: datetime | None = None
    site_name: str = SITE_NAME
    extra: dict = field(default_factory=dict)

    @property
    def twitter_card(self) -> str:
        return "summary_large_image" if self.image_width else "summary"


def is_public(record: Model) -> bool:
    """Whether a visitor may see ``record``: its model's own rule, asked for this one row
    (already asked by netw.access.get_visible_or_404 when it fetched the record)."""
    known = getattr(record, PUBLIC_ATTR, None)
    if known is not None:
        return bool(known)
    manager = type(record)._default_manager
    visible_to = getattr(manager.all(), "visible_to", None)
    if visible_to is None:  # no rule written: treat it as private rather than guess
        return False
    return visible_to(AnonymousUser()).filter(pk=record.pk).exists()


def _description(record: Model) -> str:
    hook = getattr(record, "open_graph_description", None)
    if callable(hook):
        return short_description(hook())
    for name in DESCRIPTION_FIELDS:
        value = getattr(record, name, "")
        if isinstance(value, str) and value.strip():
            return short_description(value)
    return ""


def _image(record: Model | None) -> tuple[str, int | None, int | None]:
    hook = getattr(record, "open_graph_image", None) if record is not None else None
    path = hook() if callable(hook) else ""
    if path:
        return absolute_url(path), None, None
    return absolute_url(static(DEFAULT_IMAGE)), *DEFAULT_IMAGE_SIZE


def for_record(record: Model) -> OpenGraph | None:
    """The metadata of a record's page, or None when the record is not public."""
    if not is_public(record):
        return None
    published = getattr(record, "published_at", None)
    image, width, height = _image(record)
    return OpenGraph(
        title=str(getattr(record, "title", "") or record),
        url=absolute_url(record.get_absolute_url()),
        description=_description(record),
        type=getattr(record, "open_graph_type", "article" if published else "website"),
        locale=og_locale(getattr(record, "language", "")),
        image=image, image_width=width, image_height=height,
        published=published,
        modified=getattr(record, "updated_at", None),
    )


def for_page(*, title: str, path: str, description: str = "") -> OpenGraph:
    """The metadata of a public page that is not one record's (a list, the calendar): its
    canonical address is its path, without the filters of the query string."""
    image, width, height = _image(None)
    return OpenGraph(title=str(title), url=absolute_url(path),
                     description=short_description(str(description or DEFAULT_DESCRIPTION)),
                     locale=og_locale(None),
                     image=image, image_width=width, image_height=height)
