"""The methodology inventory, the publications and the public roundtables in the sitemap
(netw/sitemaps.py): published items only, never a draft or a private roundtable."""

from django.contrib.auth.models import AnonymousUser

from netw.sitemaps import NamedPagesSitemap, PortalSitemap

from .models import Methodology, Publication, Roundtable


class MethodologySitemap(PortalSitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return Methodology.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class PublicationSitemap(PortalSitemap):
    changefreq = "monthly"

    def items(self):
        return Publication.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {"methodologies": MethodologySitemap, "publications": PublicationSitemap}


class InventoryPagesSitemap(NamedPagesSitemap):
    """The public lists: the inventory, the publications and the roundtables."""

    url_names = ("methodologies:methodology_list", "methodologies:publication_list",
                 "methodologies:roundtable_list")


class RoundtableSitemap(PortalSitemap):
    """Public roundtables (``visible_to`` a visitor): their pages are open to everyone."""

    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return (Roundtable.objects.visible_to(AnonymousUser()).only("pk", "updated_at")
                .order_by("pk"))

    def lastmod(self, item):
        return item.updated_at


SITEMAPS["inventory-pages"] = InventoryPagesSitemap
SITEMAPS["roundtables"] = RoundtableSitemap
