"""The Atom feeds of the public lists: one base every app's ``feeds.py`` derives from.

A feed lists the newest public records of one kind (what a visitor sees on the list, never a
draft, an unverified or a deleted record), at most :data:`FEED_SIZE` of them in a fixed number of
queries: ``items()`` selects what the entries read. Every address in it is absolute on
``SITE_URL``; the feed and each licensed entry carry their licence (netw/licences.py); every
entry has its ``updated`` date (Atom requires one) and every text taken from a record goes
through ``xml_safe`` (a stored control character would break the feed for everyone).

A list page links its feed twice with ``{% feed_link %}`` (netw/templatetags/feeds.py): in the
head for feed readers, and as a visible "Subscribe (Atom)" link next to the list::

    class NewCoursesFeed(PortalFeed):
        title = _("Net-Works: new courses")
        subtitle = _("…")
        list_url_name = "peersessions:course_list"
        feed_url_name = "peersessions:course_feed"

        def items(self):
            return (Course.objects.published().select_related("owner_partner")
                    .order_by("-published_at")[:FEED_SIZE])
"""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.urls import reverse

from netw.licences import LicensedFeedMixin
from netw.opengraph import absolute_url
from netw.pagecache import cache_for_visitors
from netw.richtext import plain_text
from netw.text import xml_safe

FEED_SIZE = 30


class PortalFeed(LicensedFeedMixin, Feed):
    """Atom, licensed, absolute on ``SITE_URL``. Subclasses name their list and their own URL
    and define ``items()``; the item hooks read the usual fields (``title``, ``summary`` or
    ``description``, ``published_at``, ``updated_at``, ``owner_partner``) and may be
    overridden."""

    list_url_name: str
    feed_url_name: str
    description_fields: tuple[str, ...] = ("summary", "description")

    def __call__(self, request, *args, **kwargs):
        # The same for everyone: served from the visitors' page cache (netw/pagecache.py).
        return cache_for_visitors(super().__call__)(request, *args, **kwargs)

    def link(self) -> str:
        return absolute_url(reverse(self.list_url_name))

    def feed_url(self) -> str:
        return absolute_url(reverse(self.feed_url_name))

    def item_title(self, item) -> str:
        return xml_safe(str(getattr(item, "title", "") or item))

    def item_description(self, item) -> str:
        for name in self.description_fields:
            value = getattr(item, name, "")
            if value:
                return xml_safe(plain_text(value))
        return ""

    def item_link(self, item) -> str:
        return absolute_url(item.get_absolute_url())

    def item_pubdate(self, item):
        return getattr(item, "published_at", None) or getattr(item, "created_at", None)

    def item_updateddate(self, item):
        return getattr(item, "updated_at", None) or self.item_pubdate(item)

    def item_author_name(self, item) -> str | None:
        partner = getattr(item, "owner_partner", None)
        return xml_safe(partner.short_name) if partner is not None else None

    def item_categories(self, item) -> list[str]:
        country = getattr(item, "country", None)
        return [str(country.name)] if country else []
