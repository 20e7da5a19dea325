"""The registry's public pages in the sitemap (netw/sitemaps.py): the partners, the verified
providers, the networks, their lists and the mapping by country. Never an unverified or a deleted
record, nor the stakeholders (the partners' working map)."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.db.models import Max, OuterRef, Subquery
from django.urls import reverse
from django.utils.http import urlencode

from netw.sitemaps import NamedPagesSitemap, PortalSitemap

from .models import Network, Partner, Provider


class RegistryPagesSitemap(NamedPagesSitemap):
    url_names = ("providers:partner_list", "providers:provider_list", "providers:network_list",
                 "providers:provider_map", "providers:network_map", "providers:country_overview",
                 "providers:coverage_index")


class PartnerSitemap(PortalSitemap):
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        # A partner has no modified time of its own: its history's latest entry, in the same
        # query.
        latest = (Partner.history.model.objects.filter(id=OuterRef("pk"))
                  .order_by("-history_date").values("history_date")[:1])
        return (Partner.objects.visible_to(AnonymousUser())
                .annotate(modified=Subquery(latest)).only("slug").order_by("pk"))

    def lastmod(self, item: Partner):
        return item.modified


class ProviderSitemap(PortalSitemap):
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return (Provider.objects.visible_to(AnonymousUser()).only("pk", "updated_at")
                .order_by("pk"))

    def lastmod(self, item: Provider):
        return item.updated_at


class NetworkSitemap(ProviderSitemap):
    def items(self):
        return (Network.objects.visible_to(AnonymousUser()).only("pk", "updated_at")
                .order_by("pk"))


def country_page(code: str) -> str:
    """A country's page: its verified providers (the overview's link for that country)."""
    return f"{reverse('providers:provider_list')}?{urlencode({'country': code})}"


class CountrySitemap(PortalSitemap):
    """Each country with public records: its providers' page, the newest change as lastmod."""

    changefreq = "weekly"

    def items(self) -> list[tuple[str, object]]:
        found: dict[str, object] = {}
        for model in (Provider, Network):
            rows = (model.objects.visible_to(AnonymousUser()).exclude(country="")
                    .order_by().values_list("country").annotate(modified=Max("updated_at")))
            for code, modified in rows:
                found[code] = max(filter(None, (found.get(code), modified)), default=None)
        return sorted(found.items())

    def location(self, item) -> str:
        return country_page(item[0])

    def lastmod(self, item):
        return item[1]


class CoverageSitemap(PortalSitemap):
    """Each focus country's regions, with and without providers (the coverage pages)."""

    changefreq = "weekly"

    def items(self) -> list[str]:
        from netw.geo.regions import FOCUS_COUNTRIES

        return list(FOCUS_COUNTRIES)

    def location(self, item: str) -> str:
        return reverse("providers:country_regions", args=[item])


SITEMAPS = {
    "registry": RegistryPagesSitemap,
    "partners": PartnerSitemap,
    "providers": ProviderSitemap,
    "networks": NetworkSitemap,
    "countries": CountrySitemap,
    "coverage": CoverageSitemap,
}
