"""Atom feeds of the inventory's newly published methodologies and of the project's publications
(netw/feeds.py: absolute on SITE_URL, licensed, only what visitors see)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from netw.feeds import FEED_SIZE, PortalFeed

from .models import Methodology, Publication


class NewMethodologiesFeed(PortalFeed):
    title = _("Net-Works: new methodologies in the inventory")
    subtitle = _("Work-based adult education methodologies shared by the Net-Works partners.")
    list_url_name = "methodologies:methodology_list"
    feed_url_name = "methodologies:feed"

    def items(self):
        return (Methodology.objects.published().select_related("owner_partner", "translation_of")
                .order_by("-published_at", "-pk")[:FEED_SIZE])


class NewPublicationsFeed(PortalFeed):
    title = _("Net-Works: new publications")
    subtitle = _("The Net-Works project's publications, in the partners' languages.")
    list_url_name = "methodologies:publication_list"
    feed_url_name = "methodologies:publication_feed"

    def items(self):
        return (Publication.objects.published().select_related("owner_partner", "translation_of")
                .order_by("-published_at", "-pk")[:FEED_SIZE])
