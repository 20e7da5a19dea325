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


class PagesSitemap(PortalSitemap):
    """The public pages of the portal itself."""

    changefreq = "monthly"

    def items(self) -> list[str]:
        return ["netw:home", "netw:about", "opendata:page", "netw:privacy", "netw:contact",
                "netw:accessibility"]

    def location(self, item: str) -> str:
        from django.urls import reverse

        return reverse(item)


SITEMAPS: dict[str, type[Sitemap]] = {"pages": PagesSitemap}
