from netw.sitemaps import PortalSitemap

from .models import Methodology, Publication


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
