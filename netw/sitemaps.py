"""The portal's sitemap, gathered from the apps.

An app that has public pages defines ``SITEMAPS = {"section": SitemapClass}`` in its
``sitemaps.py``; :func:`collect` merges them. ``/sitemap.xml`` is a sitemap index (:func:`index`)
that lists one sitemap per section, ``/sitemap-<section>.xml``, each in pages of at most
:attr:`PortalSitemap.limit` addresses (``?p=2``, …): a crawler fetches the small documents it
needs, and no document grows with the whole registry. Sitemap classes should derive from
:class:`PortalSitemap`, whose URLs use ``SITE_URL``.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import SitemapIndexItem, x_robots_tag
from django.template.response import TemplateResponse
from django.urls import reverse

from netw.discovery import app_modules


class PortalSitemap(Sitemap):
    """Absolute URLs on ``SITE_URL`` (not the sites framework's example.com)."""

    # Addresses per document (the protocol allows 50,000): a section larger than this is split
    # into pages, each listed in the index, so that one document stays a few hundred kB.
    limit = 2000

    @property
    def protocol(self) -> str:  # type: ignore[override]
        return urlsplit(settings.SITE_URL).scheme or "https"

    def get_domain(self, site=None) -> str:
        return urlsplit(settings.SITE_URL).netloc

    def get_latest_lastmod(self):
        # Django's default walks every item of the section; the index gives no lastmod instead.
        return None


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


@x_robots_tag
def index(request, sitemaps: dict[str, type[Sitemap]]) -> TemplateResponse:
    """``/sitemap.xml``: every section's sitemap, and each further page of a long one, on
    ``SITE_URL`` (Django's own index would use the sites framework's domain). One count query a
    section of records; the lists of named pages cost none."""
    base = settings.SITE_URL.rstrip("/")
    entries = []
    for section, site in sitemaps.items():
        site = site() if callable(site) else site
        location = base + reverse("sitemap_section", kwargs={"section": section})
        entries.append(SitemapIndexItem(location, None))
        entries += [SitemapIndexItem(f"{location}?p={page}", None)
                    for page in range(2, site.paginator.num_pages + 1)]
    return TemplateResponse(request, "sitemap_index.xml", {"sitemaps": entries},
                            content_type="application/xml")
