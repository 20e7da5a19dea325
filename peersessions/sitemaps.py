"""WP1's public pages in the sitemap (netw/sitemaps.py): the MOOC's published courses, the
public peer-to-peer sessions (announced, not drafts), the topics and their lists."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser

from netw.sitemaps import NamedPagesSitemap, PortalSitemap

from .courses.models import Course
from .models import Session, Topic


class CapacityBuildingPagesSitemap(NamedPagesSitemap):
    url_names = ("peersessions:course_list", "peersessions:session_list",
                 "peersessions:topic_list")


class CourseSitemap(PortalSitemap):
    changefreq = "weekly"
    priority = 0.7

    def items(self):
        return (Course.objects.published().only("slug", "status", "updated_at")
                .order_by("pk"))

    def lastmod(self, item: Course):
        return item.updated_at


class SessionSitemap(PortalSitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return (Session.objects.visible_to(AnonymousUser()).only("pk", "updated_at")
                .order_by("pk"))

    def lastmod(self, item: Session):
        return item.updated_at


class TopicSitemap(PortalSitemap):
    changefreq = "monthly"
    priority = 0.4

    def items(self):
        return Topic.objects.visible_to(AnonymousUser()).only("slug", "updated_at").order_by("pk")

    def lastmod(self, item: Topic):
        return item.updated_at


SITEMAPS = {
    "capacity-building": CapacityBuildingPagesSitemap,
    "courses": CourseSitemap,
    "sessions": SessionSitemap,
    "topics": TopicSitemap,
}
