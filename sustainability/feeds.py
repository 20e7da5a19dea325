"""Atom feeds of newly published good practices and policy recommendations (netw/feeds.py:
absolute on SITE_URL, licensed, only what visitors see)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from netw.feeds import FEED_SIZE, PortalFeed
from netw.text import xml_safe

from .models import GoodPractice, Recommendation


class NewGoodPracticesFeed(PortalFeed):
    title = _("Net-Works: new good practices in financial sustainability")
    subtitle = _("Financial-sustainability good practices shared by the Net-Works partners.")
    list_url_name = "sustainability:goodpractice_list"
    feed_url_name = "sustainability:goodpractice_feed"

    def items(self):
        return (GoodPractice.objects.published()
                .select_related("owner_partner", "funding_model", "translation_of")
                .order_by("-published_at", "-pk")[:FEED_SIZE])

    def item_categories(self, item: GoodPractice) -> list[str]:
        categories = super().item_categories(item)
        if item.funding_model:
            categories.append(xml_safe(str(item.funding_model)))
        return categories


class NewRecommendationsFeed(PortalFeed):
    title = _("Net-Works: new policy recommendations")
    subtitle = _("The Net-Works partners' policy recommendations on the financial "
                 "sustainability of work-based adult education providers and their networks.")
    list_url_name = "sustainability:recommendation_list"
    feed_url_name = "sustainability:recommendation_feed"

    def items(self):
        return (Recommendation.objects.published().select_related("owner_partner", "translation_of")
                .order_by("-published_at", "-pk")[:FEED_SIZE])
