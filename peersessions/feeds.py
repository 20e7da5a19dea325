"""Atom feed of the MOOC's newly published courses (netw/feeds.py: absolute on SITE_URL,
licensed, only published courses)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from netw.feeds import FEED_SIZE, PortalFeed
from netw.text import xml_safe

from .courses.models import Course


class NewCoursesFeed(PortalFeed):
    title = _("Net-Works: new courses")
    subtitle = _("Free online courses on building and running networks of work-based adult "
                 "education providers.")
    list_url_name = "peersessions:course_list"
    feed_url_name = "peersessions:course_feed"

    def items(self):
        return (Course.objects.published().select_related("owner_partner", "translation_of")
                .prefetch_related("topics").order_by("-published_at", "-pk")[:FEED_SIZE])

    def item_categories(self, item: Course) -> list[str]:
        return [xml_safe(str(topic)) for topic in item.topics.all()]
