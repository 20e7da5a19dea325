"""Atom feed of newly published methodologies. Links are absolute on SITE_URL.

Every text taken from a record goes through ``xml_safe``: a control character stored before forms
dropped them would make the feed generator fail ("Control characters are not supported in XML
1.0"), and with it the feed for everyone.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from netw.licences import LicensedFeedMixin
from netw.richtext import plain_text
from netw.text import xml_safe

from .models import Methodology


class NewMethodologiesFeed(LicensedFeedMixin, Feed):
    title = _("Net-Works: new methodologies in the inventory")
    subtitle = _("Work-based adult education methodologies shared by the Net-Works partners.")

    def link(self) -> str:
        return settings.SITE_URL + reverse("methodologies:methodology_list")

    def feed_url(self) -> str:
        return settings.SITE_URL + reverse("methodologies:feed")

    def items(self):
        return (Methodology.objects.published().select_related("owner_partner", "translation_of")
                .order_by("-published_at")[:30])

    def item_title(self, item: Methodology) -> str:
        return xml_safe(item.title)

    def item_description(self, item: Methodology) -> str:
        return xml_safe(plain_text(item.summary))

    def item_link(self, item: Methodology) -> str:
        return settings.SITE_URL + item.get_absolute_url()

    def item_pubdate(self, item: Methodology):
        return item.published_at

    def item_updateddate(self, item: Methodology):
        return item.updated_at

    def item_author_name(self, item: Methodology) -> str:
        return xml_safe(item.owner_partner.short_name)

    def item_categories(self, item: Methodology) -> list[str]:
        return [str(item.country.name)] if item.country else []
