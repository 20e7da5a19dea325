"""The registry's part of the logged-in home (see netw/dashboard.py)."""

from __future__ import annotations

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from netw import roles
from netw.dashboard import Attention, Figure
from providers.models import Network, Provider, Stakeholder
from providers.rules import is_registry_reviewer
from providers.vocabulary import Maturity, Verification


def attention(user) -> list[Attention]:
    unverified = Provider.objects.filter(verification=Verification.UNVERIFIED)
    list_url = reverse("providers:provider_list") + "?status=unverified"
    if is_registry_reviewer(user):  # WP1 leads and coordinators verify every partner's entries
        count = unverified.count()
        return [Attention(ngettext("%(count)d provider waits for verification",
                                   "%(count)d providers wait for verification", count)
                          % {"count": count}, list_url, count)]
    partner_ids = roles.partner_ids(user)
    if not partner_ids:
        return []
    count = unverified.filter(owner_partner_id__in=partner_ids).count()
    return [Attention(ngettext("%(count)d of your partner's providers is not verified yet",
                               "%(count)d of your partner's providers are not verified yet",
                               count) % {"count": count}, list_url, count)]


def figures() -> list[Figure]:
    providers = Provider.objects.aggregate(
        verified=Count("pk", filter=Q(verification=Verification.VERIFIED)),
        countries=Count("country", distinct=True,
                        filter=Q(verification=Verification.VERIFIED)))
    networks = Network.objects.aggregate(
        total=Count("pk"), emerging=Count("pk", filter=Q(maturity=Maturity.EMERGING)))
    return [
        Figure(_("Providers mapped"), providers["verified"], reverse("providers:provider_list"),
               _("verified, in %(countries)d countries") % {"countries": providers["countries"]}),
        Figure(_("Networks"), networks["total"], reverse("providers:network_list"),
               _("%(emerging)d of them emerging") % {"emerging": networks["emerging"]}),
        Figure(_("Stakeholders"), Stakeholder.objects.count(),
               reverse("providers:country_overview")),
    ]
