"""Atom feeds of the registry: newly verified providers and new networks (netw/feeds.py:
absolute on SITE_URL, under the open-data licence, only what visitors see — never a contact,
an unverified or a deleted record)."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext_lazy as _

from netw.feeds import FEED_SIZE, PortalFeed
from netw.text import xml_safe

from .models import Network, Provider


class RegistryFeed(PortalFeed):
    """The registry's records have a name, not a title, and no owner of their text to credit
    but the partner that registered them."""

    def item_title(self, item) -> str:
        return xml_safe(item.name)


class NewProvidersFeed(RegistryFeed):
    title = _("Net-Works: newly verified providers")
    subtitle = _("Work-based adult education providers verified by the Net-Works partners.")
    list_url_name = "providers:provider_list"
    feed_url_name = "providers:provider_feed"

    def items(self):
        return (Provider.objects.verified().with_verified_at().select_related("owner_partner")
                .order_by("-verified_at", "-pk")[:FEED_SIZE])

    def item_pubdate(self, item: Provider):
        return item.verified_at


class NewNetworksFeed(RegistryFeed):
    title = _("Net-Works: new networks")
    subtitle = _("Networks of work-based adult education providers in the Net-Works registry.")
    list_url_name = "providers:network_list"
    feed_url_name = "providers:network_feed"

    def items(self):
        return (Network.objects.visible_to(AnonymousUser()).select_related("owner_partner")
                .order_by("-created_at", "-pk")[:FEED_SIZE])
