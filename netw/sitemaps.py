"""One sitemap for the portal, gathered from the apps.

An app that has public pages defines ``SITEMAPS = {"section": SitemapClass}`` in its
``sitemaps.py``; :func:`collect` merges them for the single ``/sitemap.xml`` in netw/urls.py.
Sitemap classes should derive from :class:`PortalSitemap`, whose URLs use ``SITE_URL``.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap

from netw.discovery import app_modules


class PortalSitemap(Sitemap):
    """Absolute URLs on ``SITE_URL`` (not the sites framework's example.com)."""

    @property
    def protocol(self) -> str:  # type: ignore[override]
        return urlsplit(settings.SITE_URL).scheme or "https"

    def get_domain(self, site=None) -> str:
        return urlsplit(settings.SITE_URL).netloc


def collect() -> dict[str, type[Sitemap]]:
    """Every installed app's ``SITEMAPS``, the portal's own pages first."""
    found: dict[str, type[Sitemap]] = {}
    for module in app_modules("sitemaps", include_core=True):
        found.update(getattr(module, "SITEMAPS", {}))
    return found


class NamedPagesSitemap(PortalSitemap):
    """Public pages that are not one record's (lists, overviews), by URL name."""

    changefreq = "weekly"
    url_names: tuple[str, ...] = ()

    def items(self) -> list[str]:
        return list(self.url_names)

    def location(self, item: str) -> str:
        from django.urls import reverse

        return reverse(item)


class PagesSitemap(NamedPagesSitemap):
    """The public pages of the portal itself."""

    changefreq = "monthly"
    url_names = ("netw:home", "netw:about", "opendata:page", "netw:privacy", "netw:contact",
                 "netw:accessibility")


class CalendarSitemap(NamedPagesSitemap):
    """The site-wide calendar (netw/events): every app's public events, as a month and a list;
    each event's own page is in its app's section."""

    changefreq = "daily"
    url_names = ("events:calendar_month", "events:calendar_list")


SITEMAPS: dict[str, type[Sitemap]] = {"pages": PagesSitemap, "calendar": CalendarSitemap}
