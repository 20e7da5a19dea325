"""Atom feed of newly published good practices, like the methodology inventory's
(methodologies/feeds.py). Links are absolute on SITE_URL; every text taken from a record goes
through ``xml_safe`` (a stored control character would break the feed for everyone)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from netw.licences import LicensedFeedMixin
from netw.richtext import plain_text
from netw.text import xml_safe

from .models import GoodPractice


class NewGoodPracticesFeed(LicensedFeedMixin, Feed):
    title = _("Net-Works: new good practices in financial sustainability")
    subtitle = _("Financial-sustainability good practices shared by the Net-Works partners.")

    def link(self) -> str:
        return settings.SITE_URL + reverse("sustainability:goodpractice_list")

    def feed_url(self) -> str:
        return settings.SITE_URL + reverse("sustainability:goodpractice_feed")

    def items(self):
        return (GoodPractice.objects.published()
                .select_related("owner_partner", "funding_model", "translation_of")
                .order_by("-published_at")[:30])

    def item_title(self, item: GoodPractice) -> str:
        return xml_safe(item.title)

    def item_description(self, item: GoodPractice) -> str:
        return xml_safe(plain_text(item.summary))

    def item_link(self, item: GoodPractice) -> str:
        return settings.SITE_URL + item.get_absolute_url()

    def item_pubdate(self, item: GoodPractice):
        return item.published_at

    def item_updateddate(self, item: GoodPractice):
        return item.updated_at

    def item_author_name(self, item: GoodPractice) -> str:
        return xml_safe(item.owner_partner.short_name)

    def item_categories(self, item: GoodPractice) -> list[str]:
        categories = [str(item.country.name)] if item.country else []
        if item.funding_model:
            categories.append(xml_safe(str(item.funding_model)))
        return categories
